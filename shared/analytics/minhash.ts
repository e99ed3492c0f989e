import { INVISIBLE, foldCode } from '../lexicon/fold';

/**
 * The pieces of near-duplicate search: text normalisation, character shingles, MinHash signatures, LSH band keys
 * and exact Jaccard similarity. All hashing is 32-bit and seeded, so results are the same on every run and machine.
 */

/** Per code unit of raw text: what it folds to, and its kind (0 keep, 1 drop, 2 digit, 3 ASCII letter, 4 surrogate). */
let tables: { folded: Uint16Array; kind: Uint8Array } | undefined;

function unitTables(): { folded: Uint16Array; kind: Uint8Array } {
  if (tables !== undefined) return tables;
  const folded = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const drop = /^[\p{P}\p{S}\p{Z}\p{C}\s]$/u;
  for (let code = 0; code < 0x10000; code++) {
    const f = foldCode(code);
    folded[code] = f === INVISIBLE ? 0 : f;
    if (f === INVISIBLE) kind[code] = 1;
    else if (f >= 0xd800 && f <= 0xdfff) kind[code] = 4;
    else if (f >= 0x30 && f <= 0x39) kind[code] = 2;
    else if (f >= 0x61 && f <= 0x7a) kind[code] = 3;
    else kind[code] = drop.test(String.fromCharCode(f)) ? 1 : 0;
  }
  return (tables = { folded, kind });
}

const ASTRAL_DROP = /^[\p{P}\p{S}\p{Z}\p{C}]$/u;

/**
 * Text as near-duplicate search compares it, as UTF-16 units: widths and ASCII case folded; every run of digits
 * becomes `0` and every run of ASCII letters `a` (so policy numbers, amounts, phone numbers and pinyin names barely
 * matter); spaces, punctuation, symbols, emoji, control and invisible characters and lone surrogates dropped.
 */
export function normaliseUnits(text: string): Uint16Array {
  const { folded, kind: kindOf } = unitTables();
  const out = new Uint16Array(text.length);
  let length = 0;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const raw = text.charCodeAt(i);
    const kind = kindOf[raw] ?? 1;
    if (kind === 0) {
      out[length++] = folded[raw] ?? 0;
      previous = 0;
    } else if (kind === 2 || kind === 3) {
      if (previous !== kind) out[length++] = kind === 2 ? 0x30 : 0x61;
      previous = kind;
    } else if (kind === 4) {
      // keep a well-formed pair unless it is an emoji or another symbol; drop a lone half
      const low = text.charCodeAt(i + 1);
      if (raw <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        if (!ASTRAL_DROP.test(text.slice(i, i + 2))) {
          out[length++] = raw;
          out[length++] = low;
        }
        i++;
      }
      previous = 0;
    }
  }
  return out.subarray(0, length);
}

/** `normaliseUnits` as a string, for display and tests. */
export function normaliseForShingles(text: string): string {
  let out = '';
  for (const unit of normaliseUnits(text)) out += String.fromCharCode(unit);
  return out;
}

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The distinct k-unit shingles of a normalised text as sorted 32-bit hashes (a text shorter than k is one shingle). */
export function shingleSet(normalised: Uint16Array, k: number): Uint32Array {
  if (normalised.length === 0) return new Uint32Array(0);
  const count = Math.max(normalised.length - k + 1, 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x811c9dc5;
    const end = Math.min(i + k, normalised.length);
    for (let j = i; j < end; j++) h = Math.imul(h ^ (normalised[j] ?? 0), 0x01000193);
    hashes[i] = mix32(h);
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const h = hashes[i] ?? 0;
    if (i === 0 || h !== hashes[unique - 1]) hashes[unique++] = h;
  }
  return hashes.subarray(0, unique);
}

/** |A ∩ B| / |A ∪ B| of two sorted sets without repeats; 0 when both are empty. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** A deterministic stream of 32-bit values (splitmix32) for the hash parameters. */
export function seededStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return mix32(state);
  };
}

export interface MinHasher {
  readonly numHashes: number;
  /**
   * The signature of a shingle set: for each of `numHashes` seeded hash functions, the smallest hash over the set.
   * Two sets agree in a position with probability equal to their Jaccard similarity.
   */
  signature(shingles: Uint32Array, out?: Uint32Array): Uint32Array;
}

export function createMinHasher(numHashes: number, seed: number): MinHasher {
  const next = seededStream(seed);
  const xor = Uint32Array.from({ length: numHashes }, () => next());
  const multiplier = Uint32Array.from({ length: numHashes }, () => next() | 1);
  return {
    numHashes,
    signature(shingles, out = new Uint32Array(numHashes)) {
      for (let i = 0; i < numHashes; i++) {
        // shingle hashes are already mixed: one xor-multiply-shift round per function keeps the functions apart
        const salt = xor[i] ?? 0;
        const factor = multiplier[i] ?? 1;
        let min = 0xffffffff;
        for (let s = 0; s < shingles.length; s++) {
          let v = Math.imul((shingles[s] ?? 0) ^ salt, factor);
          v = (v ^ (v >>> 15)) >>> 0;
          if (v < min) min = v;
        }
        out[i] = min;
      }
      return out;
    },
  };
}

/**
 * One 32-bit key per band of `rows` signature positions: two texts land in the same bucket of a band when their
 * signatures agree on all its rows, which happens with probability J^rows.
 */
export function bandKeys(signature: Uint32Array, bands: number, rows: number, out: Uint32Array, offset = 0): void {
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(0x811c9dc5 ^ b, 0x01000193);
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ (signature[b * rows + r] ?? 0), 0x01000193);
    out[offset + b] = mix32(h);
  }
}
