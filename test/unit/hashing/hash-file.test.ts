import { createHash, getHashes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDualHasher, hashFile, hashStream } from '../../../electron/core/hashing/hash-file';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const hasOpenSslSm3 = getHashes().includes('sm3');

function pattern(length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = (i * 31 + (i >> 8)) & 0xff;
  return out;
}

describe('hashFile', () => {
  it('hashes an empty file', async () => {
    const file = join(tempDir(), 'empty.csv');
    writeFileSync(file, '');
    await expect(hashFile(file)).resolves.toEqual({
      size: 0,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      sm3: '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b',
    });
  });

  it('hashes "abc" to the standard vectors', async () => {
    const file = join(tempDir(), 'abc.txt');
    writeFileSync(file, 'abc');
    await expect(hashFile(file)).resolves.toEqual({
      size: 3,
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sm3: '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    });
  });

  it('streams a file larger than one chunk and reports progress', async () => {
    const data = pattern(3 * 1024 * 1024 + 777);
    const file = join(tempDir(), 'big.bin');
    writeFileSync(file, data);
    const progress: number[] = [];
    const digests = await hashFile(file, { onProgress: (n) => progress.push(n) });
    expect(digests.size).toBe(data.length);
    expect(digests.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    if (hasOpenSslSm3) expect(digests.sm3).toBe(createHash('sm3').update(data).digest('hex'));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(data.length);
  });

  it('stops when aborted', async () => {
    const file = join(tempDir(), 'x.bin');
    writeFileSync(file, pattern(1024));
    const controller = new AbortController();
    controller.abort(new Error('cancelled by user'));
    await expect(hashFile(file, { signal: controller.signal })).rejects.toThrow();
  });

  it('rejects a missing file', async () => {
    await expect(hashFile(join(tempDir(), 'nope.bin'))).rejects.toThrow(/ENOENT/);
  });
});

describe('hashStream and createDualHasher', () => {
  it('agree with hashing the whole buffer', async () => {
    const data = pattern(200_000);
    const pieces: Buffer[] = [];
    for (let i = 0; i < data.length; i += 9_999) pieces.push(data.subarray(i, i + 9_999));
    const streamed = await hashStream(Readable.from(pieces));
    const dual = createDualHasher();
    dual.update(data);
    expect(streamed).toEqual(dual.digest());
    expect(streamed.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });
});
