/**
 * SM3 (GB/T 32905-2016) with incremental updates, for hashing multi-gigabyte originals in one streaming pass.
 * Written here because Electron's BoringSSL has no SM3 and the npm SM3 packages (sm-crypto, sm-crypto-v2, gm-crypto,
 * sm3) only expose one-shot hashing of a whole buffer. Pure TypeScript, no Node APIs; tested against the
 * standard's vectors and cross-checked against OpenSSL's sm3 through node:crypto.
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

/** T_j rotated left by j mod 32, precomputed. */
const T_ROTATED = new Int32Array(64);
for (let j = 0; j < 64; j++) T_ROTATED[j] = rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j % 32);

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export class Sm3 {
  private readonly state = Int32Array.from(IV);
  private readonly block = new Uint8Array(64);
  private blockLength = 0;
  private totalBytes = 0;
  private finished = false;
  private readonly w = new Int32Array(68);

  /** Feeds bytes; chunks may have any length. */
  update(data: Uint8Array): this {
    if (this.finished) throw new Error('SM3: update after digest');
    let offset = 0;
    const length = data.length;
    this.totalBytes += length;
    if (this.blockLength > 0) {
      const take = Math.min(64 - this.blockLength, length);
      this.block.set(data.subarray(0, take), this.blockLength);
      this.blockLength += take;
      offset = take;
      if (this.blockLength < 64) return this;
      this.compress(this.block, 0);
      this.blockLength = 0;
    }
    for (; offset + 64 <= length; offset += 64) this.compress(data, offset);
    if (offset < length) {
      this.block.set(data.subarray(offset), 0);
      this.blockLength = length - offset;
    }
    return this;
  }

  /** Finishes and returns the 32-byte digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array {
    if (this.finished) throw new Error('SM3: digest called twice');
    this.finished = true;
    const block = this.block;
    block[this.blockLength] = 0x80;
    block.fill(0, this.blockLength + 1);
    if (this.blockLength + 1 > 56) {
      this.compress(block, 0);
      block.fill(0);
    }
    // Message length in bits, 64-bit big-endian; byte counts stay exact up to 2^53.
    const high = Math.floor(this.totalBytes / 0x20000000);
    const low = ((this.totalBytes % 0x20000000) * 8) >>> 0;
    writeUint32(block, 56, high);
    writeUint32(block, 60, low);
    this.compress(block, 0);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) writeUint32(out, i * 4, this.state[i] ?? 0);
    return out;
  }

  digestHex(): string {
    let hex = '';
    for (const byte of this.digest()) hex += byte.toString(16).padStart(2, '0');
    return hex;
  }

  private compress(data: Uint8Array, offset: number): void {
    const w = this.w;
    for (let j = 0; j < 16; j++) {
      const p = offset + j * 4;
      w[j] = ((data[p] ?? 0) << 24) | ((data[p + 1] ?? 0) << 16) | ((data[p + 2] ?? 0) << 8) | (data[p + 3] ?? 0);
    }
    for (let j = 16; j < 68; j++) {
      const x = (w[j - 16] ?? 0) ^ (w[j - 9] ?? 0) ^ rotl(w[j - 3] ?? 0, 15);
      w[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(w[j - 13] ?? 0, 7) ^ (w[j - 6] ?? 0);
    }
    const s = this.state;
    let a = s[0] ?? 0;
    let b = s[1] ?? 0;
    let c = s[2] ?? 0;
    let d = s[3] ?? 0;
    let e = s[4] ?? 0;
    let f = s[5] ?? 0;
    let g = s[6] ?? 0;
    let h = s[7] ?? 0;
    // Rounds 0–15 and 16–63 differ in FF/GG; two loops keep the branch out of the hot path.
    for (let j = 0; j < 16; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + (T_ROTATED[j] ?? 0)) | 0, 7);
      const wj = w[j] ?? 0;
      const tt1 = ((a ^ b ^ c) + d + (ss1 ^ a12) + (wj ^ (w[j + 4] ?? 0))) | 0;
      const tt2 = ((e ^ f ^ g) + h + ss1 + wj) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
    }
    for (let j = 16; j < 64; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + (T_ROTATED[j] ?? 0)) | 0, 7);
      const wj = w[j] ?? 0;
      const tt1 = (((a & b) | (a & c) | (b & c)) + d + (ss1 ^ a12) + (wj ^ (w[j + 4] ?? 0))) | 0;
      const tt2 = (((e & f) | (~e & g)) + h + ss1 + wj) | 0;
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
    }
    s[0] = (s[0] ?? 0) ^ a;
    s[1] = (s[1] ?? 0) ^ b;
    s[2] = (s[2] ?? 0) ^ c;
    s[3] = (s[3] ?? 0) ^ d;
    s[4] = (s[4] ?? 0) ^ e;
    s[5] = (s[5] ?? 0) ^ f;
    s[6] = (s[6] ?? 0) ^ g;
    s[7] = (s[7] ?? 0) ^ h;
  }
}

function writeUint32(out: Uint8Array, offset: number, value: number): void {
  out[offset] = (value >>> 24) & 0xff;
  out[offset + 1] = (value >>> 16) & 0xff;
  out[offset + 2] = (value >>> 8) & 0xff;
  out[offset + 3] = value & 0xff;
}

/** One-shot SM3 of bytes, as lower-case hex. */
export function sm3Hex(data: Uint8Array): string {
  return new Sm3().update(data).digestHex();
}
