import { createHash, getHashes, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sm3, sm3Hex } from '../../../electron/core/hashing/sm3';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const hasOpenSslSm3 = getHashes().includes('sm3');
const opensslSm3 = (data: Uint8Array): string => createHash('sm3').update(data).digest('hex');

/** A deterministic byte source, so a failing length can be reproduced. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('SM3 (GB/T 32905-2016)', () => {
  it.each([
    ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
    ['', '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b'],
  ])('standard / reference vector %j', (message, digest) => {
    expect(sm3Hex(ascii(message))).toBe(digest);
  });

  it('gives the same digest however the input is chunked', () => {
    const data = ascii('abcd'.repeat(16));
    for (const cut of [1, 3, 55, 56, 63, 64, 65]) {
      const h = new Sm3().update(data.subarray(0, cut)).update(data.subarray(cut));
      expect(h.digestHex(), `cut at ${cut}`).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    }
  });

  it('refuses use after digest', () => {
    const h = new Sm3().update(ascii('abc'));
    h.digest();
    expect(() => h.update(ascii('x'))).toThrow(/after digest/);
    expect(() => h.digest()).toThrow(/twice/);
  });

  describe.runIf(hasOpenSslSm3)('cross-check against OpenSSL (node:crypto sm3)', () => {
    it('agrees on every length 0..300 (padding boundaries 55/56/64/119/120 included)', () => {
      for (let length = 0; length <= 300; length++) {
        const data = bytes(length, length + 1);
        expect(sm3Hex(data), `length ${length}`).toBe(opensslSm3(data));
      }
    });

    it('agrees on random inputs', () => {
      for (let i = 0; i < 50; i++) {
        const data = randomBytes(1 + ((i * 7919) % 5000));
        expect(sm3Hex(data)).toBe(opensslSm3(data));
      }
    });

    it('agrees on a multi-MB buffer fed in uneven chunks', () => {
      const data = bytes(5 * 1024 * 1024 + 13, 42);
      const h = new Sm3();
      const sizes = [1, 63, 64, 65, 127, 4096, 65_537, 1_000_003, 7];
      let offset = 0;
      for (let i = 0; offset < data.length; i++) {
        const size = sizes[i % sizes.length] ?? 1;
        h.update(data.subarray(offset, offset + size));
        offset += size;
      }
      expect(h.digestHex()).toBe(opensslSm3(data));
    });
  });
});
