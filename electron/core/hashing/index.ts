export { Sm3, sm3Hex } from './sm3';
export { createDualHasher, hashFile, hashStream } from './hash-file';
export type { DualHasher, FileDigests, HashOptions } from './hash-file';
