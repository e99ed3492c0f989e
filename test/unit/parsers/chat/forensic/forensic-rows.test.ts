import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../../../../shared/parsers/chat/forensic/map-message';
import { mapForensic, rows } from './forensic-support';

const HEADER = ['发送时间', '发送人', '发送人账号', '消息类型', '消息内容'];
const shanghai = (wall: string): number => Date.parse(`${wall.replace(' ', 'T')}+08:00`);

describe('forensic chat rows', () => {
  it.each([
    ['2023-05-14 10:22:33', shanghai('2023-05-14 10:22:33'), 480],
    ['2023/5/14 10:22', shanghai('2023-05-14 10:22:00'), 480],
    ['2023年5月14日 10:22:33', shanghai('2023-05-14 10:22:33'), 480],
    ['2023-05-14 10:22:33 +08:00', shanghai('2023-05-14 10:22:33'), 480],
    ['2023-05-14 10:22:33(UTC+8)', shanghai('2023-05-14 10:22:33'), 480],
    ['2023-05-14 10:22:33（UTC+08:00）', shanghai('2023-05-14 10:22:33'), 480],
    ['2023-05-14 02:22:33 GMT', shanghai('2023-05-14 10:22:33'), 0],
    ['2023-05-14 10:22:33 (北京时间)', shanghai('2023-05-14 10:22:33'), 480],
    ['45060.432326388886', shanghai('2023-05-14 10:22:33'), 480],
    ['1684030953', shanghai('2023-05-14 10:22:33'), 480],
    ['1684030953000', shanghai('2023-05-14 10:22:33'), 480],
  ])('reads the time %s', async (text, utcMs, offset) => {
    const { messages, errors } = await mapForensic(rows('s', HEADER, [text, '张三', 'wxid_zhangsan88', '文本', '你好']));
    expect(errors).toEqual([]);
    expect(messages[0]?.time).toEqual({ utcMs, original: text, offsetMinutes: offset });
  });

  it('reports a row with an unreadable or missing time by its line and goes on with the next', async () => {
    const { messages, errors } = await mapForensic(
      rows(
        'chats',
        HEADER,
        ['昨天下午', '张三', 'wxid_zhangsan88', '文本', '甲'],
        ['', '张三', 'wxid_zhangsan88', '文本', '乙'],
        ['2023-05-14 10:22:33', '张三', 'wxid_zhangsan88', '文本', '丙'],
      ),
    );
    expect(messages.map((m) => m.text)).toEqual(['丙']);
    expect(errors.map((e) => [e.sheet, e.line, e.code])).toEqual([
      ['chats', 2, 'BAD_TIME'],
      ['chats', 3, 'MISSING_FIELD'],
    ]);
    expect(errors[0]?.message).toContain("发送时间 '昨天下午'");
  });

  it('takes the type from content markers when the table has no type column, with the amount of a transfer', async () => {
    const header = ['时间', '发送者', '内容'];
    const { messages } = await mapForensic(
      rows(
        's',
        header,
        ['2023-05-14 10:00:00', '张三', '[图片]'],
        ['2023-05-14 10:00:01', '张三', '[语音] 8秒'],
        ['2023-05-14 10:00:02', '张三', '[转账] 收到转账 ¥1,200.50'],
        ['2023-05-14 10:00:03', '张三', '【微信红包】恭喜发财'],
        ['2023-05-14 10:00:04', '张三', '[视频通话] 通话时长 02:13'],
        ['2023-05-14 10:00:05', '张三', '张三撤回了一条消息'],
        ['2023-05-14 10:00:06', '张三', '[破涕为笑] 好的'],
      ),
    );
    expect(messages.map((m) => m.messageType)).toEqual(['image', 'voice', 'transfer', 'red-packet', 'call', 'recalled', 'text']);
    expect(messages.map((m) => m.amountMinor)).toEqual([undefined, undefined, 120050, undefined, undefined, undefined, undefined]);
  });

  it('reads 收发 words and 是否删除 marks', async () => {
    const header = ['时间', '发送方', '收发', '内容', '是否删除'];
    const { messages } = await mapForensic(
      rows(
        's',
        header,
        ['2023-05-14 10:00:00', '张三', '接收', '一', '否'],
        ['2023-05-14 10:00:01', '李四', '发送', '二', '是'],
        ['2023-05-14 10:00:02', '张三', '对方发送', '三', ''],
        ['2023-05-14 10:00:03', '李四', '我方发送', '四', '删除恢复'],
      ),
    );
    expect(messages.map((m) => m.outgoing)).toEqual([false, true, false, true]);
    expect(messages.map((m) => m.recovered === true)).toEqual([false, true, false, true]);
  });

  it('treats an SMS table (类型 接收/发送) as messages with their direction', async () => {
    const { messages } = await mapForensic(
      rows('短信', ['号码', '联系人', '时间', '类型', '短信内容'], ['95588', '工商银行', '2023-05-14 10:00:00', '接收', '您尾号1234的卡…'], ['13800138000', '张三', '2023-05-14 10:05:00', '发送', '收到']),
    );
    expect(messages.map((m) => [m.outgoing, m.messageType, m.text])).toEqual([
      [false, 'text', '您尾号1234的卡…'],
      [true, 'text', '收到'],
    ]);
  });

  it('files a two-party table without conversation titles under the other party, named by 接收人', async () => {
    const header = ['时间', '发送人', '接收人', '收发类型', '内容'];
    const { messages, warnings } = await mapForensic(
      rows('聊天记录', header, ['2023-05-14 10:00:00', '我', '张三(wxid_zhangsan88)', '发送', '你好'], ['2023-05-14 10:01:00', '张三(wxid_zhangsan88)', '我', '接收', '在']),
    );
    expect(messages.map((m) => [m.conversation.key, m.conversation.title, m.conversation.kind])).toEqual([
      ['wxid_zhangsan88', '张三', 'private'],
      ['wxid_zhangsan88', '张三', 'private'],
    ]);
    expect(messages[1]?.sender).toEqual({ platform: 'wechat', id: 'wxid_zhangsan88', name: '张三' });
    expect(warnings).toEqual([]);
  });

  it('names the conversation after a sheet named for it, and warns when nothing names it', async () => {
    const named = await mapForensic(rows('张三(wxid_zhangsan88)', ['时间', '发送人', '内容'], ['2023-05-14 10:00:00', '张三', '在']));
    expect(named.messages[0]?.conversation).toMatchObject({ key: 'wxid_zhangsan88', title: '张三', kind: 'private', platform: 'wechat' });
    const unnamed = await mapForensic(rows('Sheet1', ['时间', '发送人', '内容'], ['2023-05-14 10:00:00', '张三', '在']), 'export.xlsx');
    expect(unnamed.messages[0]?.conversation).toMatchObject({ key: 'export.xlsx', kind: 'unknown' });
    expect(unnamed.warnings.map((w) => w.code)).toEqual(['CONVERSATION_UNNAMED']);
  });

  it('starts a new conversation at each title row, also without a repeated header', async () => {
    const { messages } = await mapForensic(
      rows(
        's',
        ['QQ聊天记录'],
        ['好友：小明(10001)'],
        ['时间', '发送人', '内容'],
        ['2023-05-14 10:00:00', '小明', '在吗'],
        ['群聊：理财交流群(887766554)'],
        ['2023-05-14 11:00:00', '小红', '大家好'],
      ),
    );
    expect(messages.map((m) => [m.conversation.platform, m.conversation.key, m.conversation.title, m.conversation.kind])).toEqual([
      ['qq', '10001', '小明', 'private'],
      ['qq', '887766554', '理财交流群', 'group'],
    ]);
  });

  it('reads a bare 名称(账号) title and a 会话ID line under a title, and does not carry a conversation into the next sheet', async () => {
    const { messages } = await mapForensic([
      ...rows('第一页', ['张三(wxid_zhangsan88)'], ['时间', '发送人', '内容'], ['2023-05-14 10:00:00', '张三', '一']),
      ...rows('第二页', ['群聊', '鑫盛投资交流群'], ['会话ID：20230514888@chatroom'], ['时间', '发送人', '内容'], ['2023-05-14 11:00:00', '王五', '二']),
      ...rows('通讯录', ['联系人', '账号'], ['赵六', 'wxid_zhaoliu9']),
      ...rows('Sheet4', ['时间', '发送人', '内容'], ['2023-05-14 12:00:00', '钱七', '三']),
    ]);
    expect(messages.map((m) => [m.conversation.key, m.conversation.title, m.conversation.kind])).toEqual([
      ['wxid_zhangsan88', '张三', 'private'],
      ['20230514888@chatroom', '鑫盛投资交流群', 'group'],
      ['report.xlsx', 'report.xlsx', 'unknown'],
    ]);
  });

  it('reports notes inside a table instead of importing them, and keeps a message that only lost its time as an error', async () => {
    const { messages, errors, warnings } = await mapForensic(
      rows('s', ['序号', '时间', '发送人', '内容'], ['1', '2023-05-14 10:00:00', '张三', '在'], ['第 1 页 共 2 页'], ['2', '', '张三', '丢了时间的消息'], ['备注：以下为恢复数据']),
    );
    expect(messages.map((m) => m.text)).toEqual(['在']);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[4, 'MISSING_FIELD']]);
    expect(warnings.map((w) => w.code)).toEqual(['ROWS_READ_AS_NOTES']);
    expect(warnings[0]?.message).toContain('s line 3, s line 5');
  });

  it('reads a bare 账号 column as the sender\'s account, unless a sender-account column is there too (then it is the owner\'s)', async () => {
    const asSender = await mapForensic(rows('群聊：投资群(1@chatroom)', ['时间', '昵称', '账号', '内容'], ['2023-05-14 10:00:00', '王五', 'wxid_wangwu01', '好']));
    expect(asSender.messages[0]?.sender).toEqual({ platform: 'wechat', id: 'wxid_wangwu01', name: '王五' });
    expect(asSender.messages[0]?.conversation.owner).toBeUndefined();
    const asOwner = await mapForensic(
      rows('s', ['时间', '发送者ID', '发送者昵称', '账号', '内容'], ['2023-05-14 10:00:00', 'wxid_lisi2023', '李四', 'wxid_lisi2023', '好'], ['2023-05-14 10:01:00', 'wxid_wangwu01', '王五', 'wxid_lisi2023', '嗯']),
    );
    expect(asOwner.messages.map((m) => [m.conversation.owner?.id, m.outgoing])).toEqual([
      ['wxid_lisi2023', true],
      ['wxid_lisi2023', false],
    ]);
  });

  it('keeps the first million characters of an over-long message and says so', async () => {
    const { messages, errors } = await mapForensic(rows('s', ['时间', '发送人', '内容'], ['2023-05-14 10:00:00', '张三', 'x'.repeat(MAX_TEXT + 5)]));
    expect(messages[0]?.text).toHaveLength(MAX_TEXT);
    expect(errors.map((e) => [e.line, e.code])).toEqual([[2, 'TOO_LONG']]);
  });

  it('says so when the file holds no chat table', async () => {
    const { messages, warnings } = await mapForensic(rows('s', ['姓名', '号码'], ['张三', '13800138000']));
    expect(messages).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['NO_HEADER']);
  });
});
