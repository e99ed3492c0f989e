import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../../../../shared/parsers/types';
import { useTempDirs } from '../../../../support/temp-dir';
import { FORENSIC_FIXTURES, htmlFileRecords, mapForensic, workbookRecords } from './forensic-support';
import type { Mapped } from './forensic-support';
import { CASE_NO, EVIDENCE_NO, GROUP, MESSAGES, OWNER, PRIVATE, utcOf, writeHuoyanWorkbook, writeMeiyaWorkbook } from './report-data';

const tempDir = useTempDirs();

async function meiya(): Promise<{ records: SourceRecord[]; mapped: Mapped }> {
  const file = join(tempDir(), '微信聊天记录.xlsx');
  await writeMeiyaWorkbook(file);
  const records = await workbookRecords(file);
  return { records, mapped: await mapForensic(records, '微信聊天记录.xlsx') };
}

async function huoyan(timeZone = 'Asia/Shanghai'): Promise<{ records: SourceRecord[]; mapped: Mapped }> {
  const file = join(tempDir(), '火眼导出.xlsx');
  await writeHuoyanWorkbook(file);
  const records = await workbookRecords(file);
  return { records, mapped: await mapForensic(records, '火眼导出.xlsx', timeZone) };
}

async function html(): Promise<{ records: SourceRecord[]; mapped: Mapped }> {
  const records = htmlFileRecords(join(FORENSIC_FIXTURES, 'meiya-report.html'));
  return { records, mapped: await mapForensic(records, 'meiya-report.html') };
}

const LAYOUTS = [
  ['美亚柏科-like XLSX (title rows, a table per conversation)', meiya],
  ['火眼-like XLSX (key/value titles, conversation columns, Excel dates)', () => huoyan()],
  ['HTML report (a table per conversation, title in a table of its own)', html],
] as const;

describe.each(LAYOUTS)('forensic chat report: %s', (_label, load) => {
  it('reads every message of both conversations with its conversation, sender, direction and time', async () => {
    const { mapped } = await load();
    expect(mapped.errors).toEqual([]);
    expect(mapped.messages).toHaveLength(MESSAGES.length);
    mapped.messages.forEach((message, index) => {
      const expected = MESSAGES[index];
      if (expected === undefined) throw new Error('more messages than written');
      expect(message.conversation).toEqual({
        platform: 'wechat',
        key: expected.conversation.id,
        title: expected.conversation.name,
        kind: expected.conversation.kind,
        owner: { platform: 'wechat', id: OWNER.id, name: OWNER.name },
      });
      expect(message.sender).toEqual(expected.sender === null ? null : { platform: 'wechat', ...expected.sender });
      expect(message.outgoing).toBe(expected.outgoing);
      expect(message.time.utcMs).toBe(utcOf(expected.wall));
      expect(message.time.offsetMinutes).toBe(480);
      expect(message.text).toBe(expected.text);
    });
  });

  it('types media, transfers and red packets, takes the amounts and attachment paths, and marks recovered rows', async () => {
    const { mapped } = await load();
    expect(mapped.messages.map((m) => m.messageType)).toEqual(MESSAGES.map((m) => m.type));
    expect(mapped.messages.map((m) => m.amountMinor)).toEqual(MESSAGES.map((m) => m.amountMinor));
    expect(mapped.messages.map((m) => m.recovered === true)).toEqual(MESSAGES.map((m) => m.recovered));
    expect(mapped.messages.map((m) => m.attachments)).toEqual(
      MESSAGES.map((m) => (m.attachment === '' ? [] : [{ name: m.attachment, kind: m.type }])),
    );
    const transfer = mapped.messages.find((m) => m.messageType === 'transfer');
    expect(transfer?.amountMinor).toBe(500000);
  });

  it('keeps each row as written, with its attachment hash and the case and conversation its title rows gave it', async () => {
    const { records, mapped } = await load();
    for (const [index, message] of mapped.messages.entries()) {
      const expected = MESSAGES[index];
      const source = records.find((record) => record.sheet === message.sheet && record.line === message.line);
      // the provenance points at the row that holds the message
      expect(source?.cells.map((cell) => cell.trim())).toContain(expected?.text);
      if (expected?.hash) expect(Object.values(message.raw)).toContain(expected.hash);
      expect(message.raw['标题行·案件编号'] ?? message.raw['案件编号']).toBe(CASE_NO);
      expect(message.raw['标题行·检材编号'] ?? message.raw['检材编号']).toBe(EVIDENCE_NO);
    }
    // the same words in two conversations are two rows: the title row is part of what each row says
    const privateRaw = mapped.messages.find((m) => m.conversation.key === PRIVATE.id)?.raw ?? {};
    const groupRaw = mapped.messages.find((m) => m.conversation.key === GROUP.id)?.raw ?? {};
    expect(JSON.stringify(privateRaw)).not.toBe(JSON.stringify(groupRaw));
  });

  it('states the WeChat accounts it saw once each: the owner and every correspondent', async () => {
    const { mapped } = await load();
    expect(mapped.identifiers.map((i) => [i.identifierType, i.value, i.role]).sort()).toEqual(
      [
        ['wechat_id', 'wxid_lisi2023', 'owner'],
        ['wechat_id', 'wxid_zhangsan88', 'contact'],
        ['wechat_id', 'wxid_wangwu01', 'contact'],
        ['wechat_id', 'wxid_zhaoliu9', 'contact'],
      ].sort(),
    );
  });
});

describe('forensic chat report details', () => {
  it('reads the 美亚柏科-like sheet with each message at its own row and the footer note reported, not imported', async () => {
    const { mapped } = await meiya();
    expect(mapped.messages.map((m) => m.line)).toEqual([9, 10, 11, 12, 13, 17, 18, 19, 20, 21]);
    expect(mapped.messages.every((m) => m.sheet === '微信聊天记录')).toBe(true);
    expect(mapped.warnings.map((w) => w.code)).toEqual(['ROWS_READ_AS_NOTES']);
    expect(mapped.warnings[0]?.message).toContain('微信聊天记录 line 23');
  });

  it('reads the HTML report table by table, ignoring its script and style, with <br> kept as a line break', async () => {
    const { records, mapped } = await html();
    expect(records.some((record) => record.cells.some((cell) => cell.includes('脚本里的假消息')))).toBe(false);
    expect(mapped.messages.map((m) => `${m.sheet}:${m.line}`)).toEqual([
      'table 2:3',
      'table 2:4',
      'table 2:5',
      'table 2:6',
      'table 2:7',
      'table 4:2',
      'table 4:3',
      'table 4:4',
      'table 4:5',
      'table 4:6',
    ]);
    expect(mapped.messages[0]?.text).toBe('在吗？\n明天的钱准备好了没');
    // markup written as text in a message stays text
    expect(mapped.messages[9]?.text).toBe('下个月返点提高到3个点 <b>别外传</b>');
    expect(mapped.warnings).toEqual([]);
  });

  it('keeps the time stated in the header (消息时间(UTC+8)) when the case is set to another zone', async () => {
    const { mapped } = await huoyan('Europe/Berlin');
    expect(mapped.messages.map((m) => m.time.utcMs)).toEqual(MESSAGES.map((m) => utcOf(m.wall)));
    // the Excel serial and the '2023/5/15 9:02' text are kept as written
    expect(mapped.messages[3]?.time.original).toMatch(/^45060\.89583/);
    expect(mapped.messages[7]?.time.original).toBe('2023/5/15 9:02');
  });

  it('reads zone-less times in the case zone: the same 美亚柏科 sheet on a Berlin case is 6 hours later', async () => {
    const file = join(tempDir(), 'r.xlsx');
    await writeMeiyaWorkbook(file);
    const mapped = await mapForensic(await workbookRecords(file), 'r.xlsx', 'Europe/Berlin');
    expect(mapped.messages[0]?.time.utcMs).toBe(utcOf(MESSAGES[0]?.wall ?? '') + 6 * 3_600_000);
    expect(mapped.messages[0]?.time.offsetMinutes).toBe(120);
  });
});
