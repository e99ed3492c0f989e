import { describe, expect, it } from 'vitest';
import { warnDateOnlyTimes } from '../../../shared/parsers/date-only';
import type { FileWarning, MapperOutput, TxnDraft } from '../../../shared/parsers/types';

const txn = (line: number, original: string): TxnDraft =>
  ({ type: 'txn', sheet: '', line, time: { utcMs: Date.UTC(2024, 2, 15), original, offsetMinutes: 480 } }) as unknown as TxnDraft;

async function run(outputs: MapperOutput[]): Promise<MapperOutput[]> {
  async function* source(): AsyncIterable<MapperOutput> {
    for (const output of outputs) yield await Promise.resolve(output);
  }
  const out: MapperOutput[] = [];
  for await (const output of warnDateOnlyTimes(source())) out.push(output);
  return out;
}

describe('transactions with a date and no time of day', () => {
  it('are counted into one warning naming their lines, whatever the format', async () => {
    const out = await run([txn(2, '2024-03-15'), txn(3, '2024-03-15 10:30:00'), txn(4, '20240316'), txn(5, '2024年3月17日')]);
    const warnings = out.filter((o): o is FileWarning => o.type === 'warning');
    expect(out).toHaveLength(5);
    expect(warnings).toEqual([{ type: 'warning', code: 'TIME_DATE_ONLY', message: expect.stringContaining('3 笔交易的时间只有日期') as string }]);
    expect(warnings[0]?.message).toContain('第 2, 4, 5 行');
  });

  it('say nothing more when the format warned itself, or when every time has its time of day', async () => {
    const own: FileWarning = { type: 'warning', code: 'BANK_TIME_DATE_ONLY', message: '…' };
    expect((await run([txn(2, '2024-03-15'), own])).filter((o) => o.type === 'warning')).toEqual([own]);
    expect((await run([txn(2, '2024-03-15 00:00:00'), txn(3, '20240315 093012')])).filter((o) => o.type === 'warning')).toEqual([]);
  });
});
