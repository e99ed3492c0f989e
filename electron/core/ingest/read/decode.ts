import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { TextDecoder } from 'node:util';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface EncodingChoice {
  encoding: TextEncoding;
  /** bytes of byte-order mark to skip */
  bomLength: number;
  reason: string;
}

const DETECTOR_SAMPLE = 16 * 1024;
const DETECTOR_QUICK_SAMPLE = 4 * 1024;

const FOREIGN: Readonly<Record<string, TextEncoding>> = { Big5: 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be' };

/**
 * Decide how to read a text file from its first bytes: BOM, then strict UTF-8, then a detector for the encodings
 * returns actually use, else GB18030 (a superset of GBK/GB2312, the default of 查控 exports).
 */
export function chooseEncoding(sample: Uint8Array, wholeFile: boolean): EncodingChoice {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, reason: 'UTF-8 byte-order mark' };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, reason: 'UTF-16LE byte-order mark' };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, reason: 'UTF-16BE byte-order mark' };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0, reason: `${utf16.toUpperCase()} without byte-order mark (zero bytes in alternate positions)` };
  if (isStrictUtf8(sample, wholeFile)) return { encoding: 'utf-8', bomLength: 0, reason: 'valid UTF-8' };
  const best = detectorGuess(sample);
  const foreign = best ? FOREIGN[best.name] : undefined;
  if (best && foreign) return { encoding: foreign, bomLength: 0, reason: `detector: ${best.name} (${best.confidence}%)` };
  return { encoding: 'gb18030', bomLength: 0, reason: best ? `not UTF-8; read as GB18030 (detector guessed ${best.name} ${best.confidence}%)` : 'not UTF-8; read as GB18030' };
}

/**
 * The detector's best guess at 50% confidence or more. It is slow on large samples, and 16 KB tells GB18030 from
 * Big5 as well as a megabyte does; most files are settled by their first 4 KB (a quarter of the time): only when
 * those leave a foreign encoding in the running is the full 16 KB read.
 */
function detectorGuess(sample: Uint8Array): { name: string; confidence: number } | undefined {
  if (sample.length > DETECTOR_QUICK_SAMPLE) {
    const quick = analyse(sample.subarray(0, DETECTOR_QUICK_SAMPLE));
    const best = quick.find((match) => match.confidence >= 50);
    const foreignInRunning = quick.some((match) => FOREIGN[match.name] !== undefined && match.confidence >= 25);
    if (best && !foreignInRunning) return best;
  }
  return analyse(sample.subarray(0, DETECTOR_SAMPLE)).find((match) => match.confidence >= 50);
}

function isStrictUtf8(sample: Uint8Array, wholeFile: boolean): boolean {
  // a sample cut inside a multi-byte character must not count against UTF-8
  let end = sample.length;
  if (!wholeFile) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && ((sample[end - back - 1] ?? 0) & 0xc0) === 0x80) back += 1;
    const lead = sample[end - back - 1] ?? 0;
    const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (needed > back + 1) end -= back + 1;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const length = Math.min(sample.length, 4096) & ~1;
  if (length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Incremental decoder: bytes in any chunking, text out (multi-byte characters split across chunks are kept whole).
 * The runtime's own WHATWG TextDecoder (ICU, native) reads about four times faster than iconv-lite and is used
 * wherever the runtime has the encoding; iconv-lite otherwise. Both follow the Encoding Standard for valid text; for
 * GB18030 the native one applies the 2022 edition (18 characters GB18030-2005 left in the private-use area decode to
 * their standard code points, e.g. A6D9 → U+FE10) and decodes unassigned four-byte codes to U+FFFD, where iconv-lite
 * keeps the 2005 private-use mapping and invents code points.
 */
export function createTextDecoder(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  const native = nativeDecoder(encoding);
  if (native) {
    return {
      write: (chunk) => native.decode(chunk, { stream: true }),
      end: () => native.decode(),
    };
  }
  return iconvDecoder(encoding);
}

/** The iconv-lite decoder (pure JavaScript), for runtimes without the encoding built in. */
export function iconvDecoder(encoding: TextEncoding): { write(chunk: Buffer): string; end(): string } {
  const decoder = iconv.getDecoder(encoding);
  return {
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}

function nativeDecoder(encoding: TextEncoding): TextDecoder | null {
  try {
    return new TextDecoder(encoding);
  } catch {
    // a runtime built without full ICU data knows only the UTF encodings
    return null;
  }
}
