import { describe, expect, it } from 'vitest';
import { findHeader, mapTabular, rowsAfterHeader } from '@shared/parsers/tabular';
import type { Aliases, HeaderedRow } from '@shared/parsers/tabular';
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

describe('findHeader and the rows after it', () => {
  type Txn = 'amount' | 'balance' | 'date' | 'time';
  const TXN: Aliases<Txn> = { amount: ['交易金额', '金额'], balance: ['交易余额', '余额', '账户余额'], date: ['交易日期'], time: ['交易时间', '交易日期'] };
  const header = (cells: string[]): Map<Txn, number> | undefined => findHeader([{ sheet: '', line: 1, cells }], TXN, [])?.columns;

  it('prefers the earlier alias of a field whatever the column order, and lets one column serve two fields', () => {
    expect(header(['账户余额', '交易余额', '交易日期'])).toEqual(new Map<Txn, number>([['balance', 1], ['date', 2], ['time', 2]]));
    expect(header(['交易日期', '交易时间'])).toEqual(new Map<Txn, number>([['date', 0], ['time', 1]]));
  });

  it('reads a header past its unit or legend in brackets, except a unit of 分', () => {
    expect(header(['交易金额（元）', '余额[人民币]'])).toEqual(new Map<Txn, number>([['amount', 0], ['balance', 1]]));
    expect(header(['交易金额(分)'])).toEqual(new Map());
  });

  it('takes a column whose header names a unit other than 元 only for a field that reads units from its header', () => {
    type Money = 'amount' | 'balance';
    // amount lists a 分 alias, so its mapper reads the unit of whatever header it gets; balance does not
    const MONEY: Aliases<Money> = { amount: ['交易金额', '交易金额(分)'], balance: ['余额'] };
    const columns = (cells: string[]): Map<Money, number> | undefined => findHeader([{ sheet: '', line: 1, cells }], MONEY, [])?.columns;
    expect(columns(['交易金额(万元)', '余额(万元)'])).toEqual(new Map([['amount', 0]]));
    expect(columns(['交易金额（美元）', '余额（人民币元）'])).toEqual(new Map<Money, number>([['amount', 0], ['balance', 1]]));
    expect(columns(['交易金额(0-借;1-贷)', '余额(单位：分)'])).toEqual(new Map([['amount', 0]]));
  });

  it('reads a field from its next column when the preferred one is blank, per row, in either column order', async () => {
    type Name = 'name';
    const NAMES: Aliases<Name> = { name: ['交易户名', '账户开户名称'] };
    const read = async (header: string[], rows: string[][]): Promise<(string | undefined)[]> => {
      const records = [header, ...rows].map((cells, index) => ({ sheet: '', line: index + 1, cells }));
      const found: (string | undefined)[] = [];
      for await (const row of rowsAfterHeader(streamOf(records), NAMES, ['name'], () => undefined)) found.push(row.firstOf('name', (cell) => cell || undefined));
      return found;
    };
    expect(await read(['交易户名', '账户开户名称', '备注'], [['', '张三', ''], ['李四', '张三', ''], ['', '', 'x']])).toEqual(['张三', '李四', undefined]);
    expect(await read(['账户开户名称', '交易户名', '备注'], [['张三', '', ''], ['张三', '李四', ''], ['', '', 'x']])).toEqual(['张三', '李四', undefined]);
  });

  it('unwraps ="…" cells and drops the header printed again at a page break', async () => {
    const rows: HeaderedRow<Txn>[] = [];
    const records: SourceRecord[] = [
      { sheet: '', line: 1, cells: ['="交易金额"', '余额'] },
      { sheet: '', line: 2, cells: ['="12.00"\t', '5'] },
      { sheet: '', line: 3, cells: ['交易金额\t', ' 余额'] },
      { sheet: '', line: 4, cells: ['7.00', '="12"'] },
    ];
    for await (const row of rowsAfterHeader(streamOf(records), TXN, ['amount'], () => undefined)) rows.push(row);
    expect(rows.map((row) => [row.record.line, row.get('amount'), row.get('balance'), row.header('amount')])).toEqual([
      [2, '12.00', '5', '="交易金额"'],
      [4, '7.00', '12', '="交易金额"'],
    ]);
  });
});
