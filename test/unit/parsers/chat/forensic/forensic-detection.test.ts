import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../../electron/core/demo/generate';
import { forensicChatTable } from '../../../../../shared/parsers/chat/forensic/format';
import { BUILT_IN_FORMATS, detectFormats } from '../../../../../shared/parsers/registry';
import type { DetectInput } from '../../../../../shared/parsers/types';
import { CORPUS_DIR, loadFile } from '../../../../support/parser-records';
import { useTempDirs } from '../../../../support/temp-dir';
import { FORENSIC_FIXTURES, detectInputOf, htmlFileRecords, workbookRecords } from './forensic-support';
import { writeHuoyanWorkbook, writeMeiyaWorkbook } from './report-data';

const tempDir = useTempDirs();
const FIXTURES_ROOT = resolve(__dirname, '../../../../fixtures');

function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** What the pipeline's detector would see of a table-like file: XLSX/CSV/TXT rows, or an HTML file's tables. */
async function detectInputFor(file: string, root: string): Promise<DetectInput> {
  if (/\.html?$/i.test(file)) return detectInputOf(basename(file), htmlFileRecords(file), { container: 'text' });
  const loaded = await loadFile(file, root);
  return detectInputOf(loaded.fileName, loaded.records, { container: /\.xlsx$/i.test(file) ? 'xlsx' : 'text' });
}

describe('forensic chat table detection', () => {
  it('is registered once among the built-in formats as a messages format', () => {
    expect(BUILT_IN_FORMATS.filter((format) => format.id === forensicChatTable.id)).toEqual([forensicChatTable]);
    expect([forensicChatTable.kind, forensicChatTable.grade, forensicChatTable.input]).toEqual(['messages', 'self-provided', { kind: 'table' }]);
  });

  it.each([
    ['美亚柏科-like XLSX', writeMeiyaWorkbook],
    ['火眼-like XLSX', writeHuoyanWorkbook],
  ])('wins for the %s with a reason naming the matched columns and the title', async (_label, write) => {
    const file = join(tempDir(), 'report.xlsx');
    await write(file);
    const ranked = detectFormats(detectInputOf('report.xlsx', await workbookRecords(file), { container: 'xlsx', text: '' }));
    expect(ranked[0]?.format.id).toBe(forensicChatTable.id);
    expect(ranked[0]?.confidence).toBeGreaterThan(0.7);
    expect(ranked[0]?.reason).toMatch(/表头匹配 \d+\/\d+ 个字段/);
    expect(ranked[0]?.reason).toContain('标题行“');
  });

  it('wins for the HTML report, whose script holds a fake chat table', () => {
    const file = join(FORENSIC_FIXTURES, 'meiya-report.html');
    const ranked = detectFormats(detectInputOf(basename(file), htmlFileRecords(file), { container: 'text' }));
    expect(ranked[0]?.format.id).toBe(forensicChatTable.id);
  });

  it('gives a bare 时间/发送人/内容 table without a report title only a low confidence', () => {
    const head = [{ sheet: '', line: 1, cells: ['时间', '发送人', '内容'] }];
    expect(forensicChatTable.detect({ fileName: 'log.csv', relPath: 'x/log.csv', head })?.confidence).toBeLessThan(0.5);
  });

  it('claims none of the bank, payment and other chat fixtures', async () => {
    const files = filesUnder(FIXTURES_ROOT, /\.(csv|txt|xlsx)$/i).filter((file) => !file.includes('/chat/forensic/'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      expect(forensicChatTable.detect(await detectInputFor(file, FIXTURES_ROOT)), file).toBeNull();
    }
  });

  describe.skipIf(!existsSync(CORPUS_DIR))('published sample files', () => {
    it('claims none of the corpus chat, payment and bank files', async () => {
      const files = filesUnder(CORPUS_DIR, /\.(csv|txt|xlsx|html?)$/i).filter((file) => !/aml-labelled|intl-bank/.test(file));
      expect(files.length).toBeGreaterThan(10);
      for (const file of files) {
        expect(forensicChatTable.detect(await detectInputFor(file, CORPUS_DIR)), file).toBeNull();
      }
    });
  });

  it('claims none of the files of a generated demo case', async () => {
    const dir = tempDir();
    await generateDemo({ dir, seed: 5, txns: 2000 });
    const files = filesUnder(dir, /\.(csv|txt|xlsx)$/i);
    expect(files.some((file) => file.includes('聊天记录'))).toBe(true);
    for (const file of files) {
      expect(forensicChatTable.detect(await detectInputFor(file, dir)), file).toBeNull();
    }
  }, 120_000);
});
