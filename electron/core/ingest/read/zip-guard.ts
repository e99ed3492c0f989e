import yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

/** Limits for the zip containers of .xlsx files: far above any real bank return, far below a zip bomb. */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 2 * 1024 ** 3, maxRatio: 200 };

/**
 * Read a zip's central directory (no decompression) and return a reason to refuse it, or null.
 * Declared sizes are what a bomb lies about least convincingly: a tiny file that claims gigabytes is refused.
 */
export function inspectZip(file: string, limits: ZipLimits): Promise<string | null> {
  return new Promise((resolve) => {
    // names stay bytes: a hostile name ('../x') is a reason to be careful later, not a reason this check fails
    yauzl.open(file, { lazyEntries: true, autoClose: true, validateEntrySizes: true, decodeStrings: false }, (error, zip) => {
      if (error || !zip) {
        resolve(`not a readable zip/xlsx container (${error?.message ?? 'unknown error'})`);
        return;
      }
      let entries = 0;
      let total = 0;
      let compressed = 0;
      let finished = false;
      const done = (reason: string | null): void => {
        if (finished) return;
        finished = true;
        zip.close();
        resolve(reason);
      };
      zip.on('error', (zipError: Error) => done(`damaged zip container (${zipError.message})`));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        compressed += entry.compressedSize;
        if (entries > limits.maxEntries) return done(`more than ${limits.maxEntries} entries`);
        if (total > limits.maxTotalBytes) return done(`expands to more than ${limits.maxTotalBytes / 1024 ** 3} GB`);
        if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxRatio && entry.uncompressedSize > 50 * 1024 ** 2) {
          return done(`entry ${String(entry.fileName)} expands ${Math.round(entry.uncompressedSize / entry.compressedSize)}× (zip bomb?)`);
        }
        zip.readEntry();
      });
      zip.on('end', () => done(compressed === 0 && total > 0 ? 'zip declares no compressed data' : null));
      zip.readEntry();
    });
  });
}
