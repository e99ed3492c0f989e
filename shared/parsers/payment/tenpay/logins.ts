import { mapTabular } from '../../tabular';
import type { Aliases, HeaderedRow } from '../../tabular';
import type { AccountRef, FormatSpec, MapperOutput, ParseContext, SourceRecord } from '../../types';
import { clean, rowError } from '../common/cells';
import { detectPayment } from '../common/detect';
import { IdentifierCollector, normaliseIdentifier } from '../common/identifiers';
import { readTime } from '../common/times';
import { tenpayPathFacts } from './path';

/**
 * 微信登录轨迹 (WX登录轨迹.txt): a `登录日志：` title, then tab-separated 时间 (`2026-01-27 11:53:50 +0800 CST`) and IP
 * (often IPv6), usually behind an empty first column. The file names no account: a 微信号/账号 column is used when
 * present, else the phone the return was queried by (`IPHONE/<手机号>/`), recorded as a 'queried' identifier so the
 * account links to the registration (regInfobasicInfo) of the same folder.
 */

type Field = 'time' | 'ip' | 'account';

const ALIASES: Aliases<Field> = {
  time: ['时间', '登录时间', '登陆时间'],
  ip: ['IP', 'IP地址', '登录IP', '登陆IP'],
  account: ['微信号', '账号', '用户ID'],
};
const REQUIRED: readonly Field[] = ['time', 'ip'];

function mapRows(records: AsyncIterable<SourceRecord>, context: ParseContext): AsyncIterable<MapperOutput> {
  let noAccountWarned = false;
  const ids = new IdentifierCollector();
  const { phone } = tenpayPathFacts(context.relPath);
  return mapTabular(
    records,
    ALIASES,
    REQUIRED,
    function* (row): Iterable<MapperOutput> {
      if (clean(row.get('ip')).toUpperCase() === 'IP') return;
      const number = clean(row.get('account')) || phone;
      if (number === undefined && !noAccountWarned) {
        noAccountWarned = true;
        yield { type: 'warning', code: 'ACCOUNT_UNKNOWN', message: '登录轨迹：既没有“微信号”列，也没有 IPHONE/<手机号> 文件夹指明账户；IP 照常导入，但未关联到账户' };
      }
      yield* mapRow(row, ids, number === undefined ? null : { kind: 'tenpay', number, subAccount: '' }, phone, context);
    },
    '登录轨迹：未找到表头（需要“时间”“IP”列），文件未导入任何行',
  );
}

function* mapRow(
  row: HeaderedRow<Field>,
  ids: IdentifierCollector,
  account: AccountRef | null,
  queriedPhone: string | undefined,
  context: ParseContext,
): Iterable<MapperOutput> {
  const record = row.record;
  const ipText = clean(row.get('ip'));
  if (ipText === '') {
    yield rowError(record, 'MISSING_FIELD', 'IP为空');
    return;
  }
  if (normaliseIdentifier('ip', ipText) === null) {
    yield rowError(record, 'BAD_ROW', `IP“${ipText}”不是可用的 IP 地址（格式错误，或是占位值 0.0.0.0）`);
    return;
  }
  const time = readTime(record, '时间', row.get('time'), context);
  if (!time.ok) {
    yield time.error;
    return;
  }
  const raw = row.raw();
  const made = [
    ids.make(record, raw, account, 'ip', ipText, 'login', time.instant),
    queriedPhone === undefined ? null : ids.make(record, raw, account, 'phone', queriedPhone, 'queried'),
  ];
  for (const identifier of made) if (identifier !== null) yield identifier;
}

export const tenpayLogins: FormatSpec = {
  id: 'tenpay.logins',
  version: 1,
  name: { zh: '微信登录轨迹', en: 'WeChat login trail, police return' },
  kind: 'logins',
  grade: 'official',
  detect: (input) =>
    detectPayment(input, {
      aliases: ALIASES,
      required: REQUIRED,
      label: '微信登录轨迹',
      nameHints: [/登录轨迹/, /登陆轨迹/, /IPHONE\//i],
      contentHints: [/^登[录陆]日志[:：]?$/],
      // 时间 + IP alone are common words: without a hint this is only a guess
      unhintedCap: 0.45,
    }),
  mapRows,
};
