/**
 * Writes a large JSON object piece by piece, byte-identical to JSON.stringify(value, null, 1), so the ground truth
 * of a ten-million-row data set is never one giant string.
 */
import type { FileSink } from './sink';

function indented(value: unknown, pad: string): string {
  return (JSON.stringify(value, null, 1) ?? 'null').replace(/\n/g, `\n${pad}`);
}

export function writeJsonObject(sink: FileSink, value: object): void {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  sink.raw('{\n');
  entries.forEach(([key, v], i) => {
    sink.raw(` ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length > 0) {
      sink.raw('[\n');
      v.forEach((item: unknown, j) => {
        sink.raw(`  ${indented(item, '  ')}${j < v.length - 1 ? ',' : ''}\n`);
      });
      sink.raw(' ]');
    } else {
      sink.raw(indented(v, ' '));
    }
    sink.raw(i < entries.length - 1 ? ',\n' : '\n');
  });
  sink.raw('}\n');
}
