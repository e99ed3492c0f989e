import { describe, expect, it } from 'vitest';
import { mapTabular } from '@shared/parsers/tabular';
import type { Aliases } from '@shared/parsers/tabular';
import type { MapperOutput, SourceRecord } from '@shared/parsers/types';
import { streamOf } from '../../support/parser-records';

type Field = 'name' | 'amount';
const ALIASES: Aliases<Field> = { name: ['姓名', 'Name'], amount: ['金额', 'Amount'] };

async function collect(records: SourceRecord[]): Promise<MapperOutput[]> {
  const out: MapperOutput[] = [];
  const mapped = mapTabular(
    streamOf(records),
    ALIASES,
    ['name', 'amount'],
    function* (row): Iterable<MapperOutput> {
      if (row.get('name') === '姓名') return; // a repeated header line
      yield { type: 'warning', code: 'ROW', message: `${row.record.line}:${row.get('name')}=${row.get('amount')}` };
    },
    'no header with 姓名 and 金额',
  );
  for await (const item of mapped) out.push(item);
  return out;
}

describe('mapTabular', () => {
  it('maps each non-blank row after the header, per sheet, to what the row mapper yields', async () => {
    const out = await collect([
      { sheet: 'A', line: 1, cells: ['对账单'] },
      { sheet: 'A', line: 2, cells: [' 姓名\t', '金额 '] },
      { sheet: 'A', line: 3, cells: ['张三', '1.00'] },
      { sheet: 'A', line: 4, cells: ['', '\t'] },
      { sheet: 'A', line: 5, cells: ['姓名', '金额'] },
      { sheet: 'B', line: 1, cells: ['Amount', 'Name'] },
      { sheet: 'B', line: 2, cells: ['2.00', '李四'] },
    ]);
    expect(out.map((o) => (o.type === 'warning' ? o.message : o.type))).toEqual(['3:张三=1.00', '2:李四=2.00']);
  });

  it('warns once, with the message given, when no sheet has the header', async () => {
    const out = await collect([{ sheet: '', line: 1, cells: ['姓名', '备注'] }, { sheet: '', line: 2, cells: ['张三', 'x'] }]);
    expect(out).toEqual([{ type: 'warning', code: 'NO_HEADER', message: 'no header with 姓名 and 金额' }]);
  });
});
