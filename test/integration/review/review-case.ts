import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CaseSession } from '../../../electron/core/cases/case-session';
import { runImport } from '../../../electron/core/ingest/run-import';
import { simpleChatFormat } from '../ingest/simple-chat-format';
import { simpleFormat } from '../ingest/simple-format';

/** The hand-written 查控 return (广发 account info lists 13812345678 as the registration phone of 李明华's card). */
export const BANK_FOLDER = resolve(__dirname, '..', '..', 'fixtures', 'bank', '5104614320240315093012');

export const PHONE = '13812345678';
export const CARD = '6222020200112233446';

/** A statement of our own: a payment to a phone-number account, a repayment naming the phone in its 摘要. */
const STATEMENT = [
  '账号,时间,金额,方向,余额,对手账号,流水号,成功,摘要',
  `6230580000000000001,2024-03-01 10:00,5000,出,,${PHONE},T001,是,微信转账`,
  `6230580000000000001,2024-03-02 11:00,300,入,,${CARD},T002,是,还款 ${PHONE}`,
  `6230580000000000001,2024-03-03 12:00,4999,出,,${CARD},T003,是,`,
].join('\n');

const CHAT = [
  '#chat 退保群',
  `2024-03-01 10:00|张三|text|全额退保，先交5000定金，联系${PHONE}`,
  `2024-03-01 11:00|李四|text|王小红的卡 ${CARD} 收到`,
  '2024-03-02 09:00|张三|text|今天天气不错',
].join('\n');

/**
 * A case holding the bank fixture (transactions, accounts, persons, registration identifiers), a small statement and
 * a chat: the same phone number is a counterparty account, a registration phone and a number written in a message.
 */
export async function reviewCase(dir: string, operator = '测试员'): Promise<CaseSession> {
  const session = CaseSession.create(join(dir, 'review'), { caseName: '标签与搜索' }, { host: 'cli', operator });
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'statement.csv'), STATEMENT);
  writeFileSync(join(dir, 'in', 'chat.txt'), CHAT);
  await runImport(session.db, { caseDir: session.caseDir, paths: [BANK_FOLDER], operator, timeZone: 'Asia/Shanghai' });
  await runImport(session.db, {
    caseDir: session.caseDir,
    paths: [join(dir, 'in', 'statement.csv'), join(dir, 'in', 'chat.txt')],
    operator,
    timeZone: 'Asia/Shanghai',
    formats: [simpleFormat, simpleChatFormat],
  });
  return session;
}
