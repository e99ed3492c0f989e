import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSink } from '../../../electron/core/demo/sink';
import { writeJsonObject } from '../../../electron/core/demo/json-writer';

describe('streamed JSON', () => {
  it('is byte-identical to JSON.stringify(value, null, 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jw-'));
    const value = { a: 1, b: 'x"y', c: [], d: [{ e: [1, 2], f: { g: null } }, 3, 'z'], h: { i: [{ j: 'k' }], l: {} }, m: [[1], []] };
    const sink = new FileSink(dir, 'out.json', 'UTF-8', '\n');
    writeJsonObject(sink, value);
    sink.close();
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(`${JSON.stringify(value, null, 1)}\n`);
    rmSync(dir, { recursive: true, force: true });
  });
});
