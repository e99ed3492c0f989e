import type { FormatSpec, MapperOutput, SourceRecord } from '@shared/parsers/types';
import { headerDetection, rowsAfterHeader } from '@shared/parsers/tabular';

const ALIASES = {
  account: ['账号'],
  time: ['时间'],
  amount: ['金额'],
  direction: ['方向'],
  balance: ['余额'],
  counterparty: ['对手账号'],
  txnNo: ['流水号'],
  ok: ['成功'],
  summary: ['摘要'],
} as const;
type Field = keyof typeof ALIASES;
const REQUIRED: Field[] = ['account', 'time', 'amount'];

/** A deliberately small format for exercising the pipeline itself (real formats are tested on their own). */
export const simpleFormat: FormatSpec = {
  id: 'test.simple',
  version: 1,
  name: { zh: '测试流水', en: 'test statement' },
  kind: 'transactions',
  grade: 'official',
  detect: (input) => headerDetection(input.head, ALIASES, REQUIRED, 'test statement'),
  async *mapRows(records: AsyncIterable<SourceRecord>): AsyncIterable<MapperOutput> {
    let missing = false;
    for await (const row of rowsAfterHeader(records, ALIASES, REQUIRED, () => (missing = true))) {
      const amountText = row.get('amount');
      if (!/^\d+$/.test(amountText)) {
        yield { type: 'error', sheet: '', line: row.record.line, code: 'BAD_AMOUNT', message: `金额 "${amountText}" is not a number` };
        continue;
      }
      const out = row.get('direction') === '出';
      const amount = Number(amountText) * 100;
      yield {
        type: 'txn',
        sheet: row.record.sheet,
        line: row.record.line,
        raw: row.raw(),
        account: { kind: 'bank', number: row.get('account'), subAccount: '' },
        time: { utcMs: Date.parse(`${row.get('time')}+08:00`), original: row.get('time'), offsetMinutes: 480 },
        amountMinor: out ? -amount : amount,
        currency: 'CNY',
        direction: out ? 'out' : 'in',
        directionRaw: row.get('direction'),
        balanceMinor: row.get('balance') ? Number(row.get('balance')) * 100 : null,
        counterparty: { account: row.get('counterparty') || undefined },
        succeeded: row.get('ok') !== '否',
        txnNo: row.get('txnNo') || undefined,
        summary: row.get('summary') || undefined,
      };
    }
    if (missing) yield { type: 'warning', code: 'NO_HEADER', message: 'no header' };
  },
};
