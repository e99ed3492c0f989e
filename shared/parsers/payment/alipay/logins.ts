import { mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, opt, rowError } from '../common/cells';
import { detectPayment } from '../common/detect';
import { IdentifierCollector, normaliseIdentifier } from '../common/identifiers';
import { readTime } from '../common/times';

type Field = 'login' | 'uid' | 'name' | 'ip' | 'time' | 'queried';

const ALIASES: Aliases<Field> = {
  login: ['登陆账号', '登录账号'],
  uid: ['支付宝用户ID', '用户ID'],
  name: ['账户名', '账户名称'],
  ip: ['客户端ip', '客户端IP地址', '登陆IP', '登录IP'],
  time: ['操作发生时间', '登录时间', '登陆时间'],
  queried: ['对应的协查数据'],
};
const REQUIRED: readonly Field[] = ['uid', 'ip', 'time'];

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  const ids = new IdentifierCollector();
  return mapTabular(records, ALIASES, REQUIRED, (row) => mapRow(row, ids, context), '登陆日志：未找到表头（需要“支付宝用户ID”“客户端ip”“操作发生时间”列），文件未导入任何行');
}

function* mapRow(row: HeaderedRow<Field>, ids: IdentifierCollector, context: ParseContext): Iterable<MapperOutput> {
  const record = row.record;
  const number = clean(row.get('uid')) || clean(row.get('login'));
  if (number === '') {
    yield rowError(record, 'MISSING_FIELD', '支付宝用户ID和登陆账号都为空');
    return;
  }
  const ipText = clean(row.get('ip'));
  if (ipText === '') {
    yield rowError(record, 'MISSING_FIELD', '客户端ip为空');
    return;
  }
  if (normaliseIdentifier('ip', ipText) === null) {
    yield rowError(record, 'BAD_ROW', `客户端ip“${ipText}”不是可用的 IP 地址（格式错误，或是占位值 0.0.0.0）`);
    return;
  }
  const time = readTime(record, '操作发生时间', row.get('time'), context);
  if (!time.ok) {
    yield time.error;
    return;
  }
  const raw = row.raw();
  const account: AccountRef = { kind: 'alipay', number, subAccount: '', holderName: opt(row.get('name')) };
  const login = clean(row.get('login'));
  const made = [
    ids.make(record, raw, account, 'ip', ipText, 'login', time.instant),
    // the login name once per account: a phone or e-mail that links the account to a person
    ids.make(record, raw, account, 'phone', login, 'login'),
    ids.make(record, raw, account, 'email', login, 'login'),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const alipayLogins: FormatSpec = {
  id: 'alipay.logins',
  version: 1,
  name: { zh: '支付宝登陆日志', en: 'Alipay login log' },
  kind: 'logins',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, { aliases: ALIASES, required: REQUIRED, label: '支付宝登陆日志', nameHints: [/登[陆录]日志/, /alipay.*login/i] }),
  mapRows,
};
