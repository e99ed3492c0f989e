/**
 * Chat exports in the layouts investigators meet (shared/corpus): WeChat as the WeClone/留痕-style CSV, WhatsApp's
 * text export, the QQ Chat Exporter TXT and Telegram Desktop's result.json, all UTF-8. Records where each
 * message landed so the ground truth can point at the ones that mirror transfers or mention amounts.
 */
import type { Person } from './model';
import type { Rng } from './prng';
import type { Collector } from './collector';
import type { Conversation, ChatMessage } from './chat-script';
import type { ChatMessageRef, ChatTransferLink, AmountMention, TemplateRecord, ConversationRecord } from './truth-types';
import { FileSink } from './sink';
import { fmtDateTime, parts, unixSeconds } from './time';

export interface ChatTruth {
  conversations: ConversationRecord[];
  transferMessages: ChatTransferLink[];
  amountMentions: AmountMention[];
  templates: TemplateRecord[];
  messages: number;
}

export function writeChats(root: string, rng: Rng, conversations: readonly Conversation[], collector: Collector, exportedAt: number): ChatTruth {
  const truth: ChatTruth = { conversations: [], transferMessages: [], amountMentions: [], templates: [], messages: 0 };
  const templates = new Map<string, ChatMessageRef[]>();
  const record = (m: ChatMessage, ref: ChatMessageRef): void => {
    truth.messages++;
    if (m.transfer && m.link) truth.transferMessages.push({ message: ref, transfer: m.transfer.id, kind: m.link, amountMinor: m.transfer.amount });
    for (const mention of m.mentions) truth.amountMentions.push({ message: ref, text: mention.text, amountMinor: mention.amountMinor });
    if (m.template) {
      const list = templates.get(m.template) ?? [];
      list.push(ref);
      templates.set(m.template, list);
    }
  };
  const roomIds = new Map<string, string>();
  const usedPaths = new Set<string>();
  for (const c of conversations) {
    if (c.messages.length === 0) continue;
    let path: string;
    if (c.format === 'wechat-csv') path = writeWechat(root, rng, c, collector, record, roomIds);
    else if (c.format === 'whatsapp-txt') path = writeWhatsapp(root, c, collector, record, usedPaths);
    else if (c.format === 'qq-txt') path = writeQq(root, c, collector, record, exportedAt);
    else path = writeTelegram(root, rng, c, collector, record, exportedAt);
    truth.conversations.push({ file: path, format: c.format, title: c.title, owner: c.owner.id, participants: c.participants.map((p) => p.id), messages: c.messages.length, instance: c.instance });
  }
  for (const [id, messages] of [...templates.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    truth.templates.push({ id, typology: id === 'TPL-T1' ? 'insurance-surrender' : 'anti-collection', messages });
  }
  return truth;
}

type Record_ = (m: ChatMessage, ref: ChatMessageRef) => void;

function csvQuote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function writeWechat(root: string, rng: Rng, c: Conversation, collector: Collector, record: Record_, roomIds: Map<string, string>): string {
  const ownerId = c.owner.wechat?.wxid ?? c.owner.id;
  const other = c.participants.find((p) => p !== c.owner);
  let room = roomIds.get(c.key);
  if (!room) {
    room = c.group ? `${rng.digits(11)}@chatroom` : (other?.wechat?.wxid ?? 'unknown');
    roomIds.set(c.key, room);
  }
  const path = `聊天记录/微信/${ownerId}/${room}.csv`;
  const sink = new FileSink(root, path, 'UTF-8', '\n');
  sink.line('id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime');
  c.messages.forEach((m, i) => {
    const mine = m.from === c.owner;
    const type = { text: '文本', image: '图片', voice: '语音', transfer: '转账', 'transfer-received': '转账', 'red-packet': '红包', system: '系统通知' }[m.kind];
    const talker = mine ? '我' : (m.from?.wechat?.wxid ?? room);
    const content = `{"src": "", "msg": ${JSON.stringify(m.text)}}`;
    const line = sink.line([String(i + 1), `${rng.int(1, 8)}${rng.digits(18)}`, type, mine ? '1' : '0', talker, room, csvQuote(content), fmtDateTime(m.t)].join(','));
    record(m, { file: path, line, messageId: String(i + 1) });
  });
  collector.file(sink.close(), 'chat-wechat-csv', c.messages.length);
  return path;
}

function waTime(t: number): string {
  const p = parts(t);
  return `[${p.d}.${p.mo}.${p.y.slice(2)}, ${p.h}:${p.mi}:${p.s}]`;
}

function writeWhatsapp(root: string, c: Conversation, collector: Collector, record: Record_, used: Set<string>): string {
  // two contacts with the same name export as "… (2)", as phones do
  let path = `聊天记录/WhatsApp/${c.owner.phone}/WhatsApp Chat with ${c.title}.txt`;
  for (let n = 2; used.has(path); n++) path = `聊天记录/WhatsApp/${c.owner.phone}/WhatsApp Chat with ${c.title} (${n}).txt`;
  used.add(path);
  const sink = new FileSink(root, path, 'UTF-8', '\n');
  const first = c.messages[0];
  sink.line(`${waTime((first?.t ?? 0) - 3_600)} ${c.title}: 消息和通话已进行端到端加密。对话之外的任何人，甚至包括 WhatsApp 都无法读取或收听。`);
  const name = (p: Person | null): string => (p === null ? '' : p.name);
  for (const m of c.messages) {
    const text = m.kind === 'image' || m.kind === 'voice' ? '<省略影音内容>' : m.text;
    const [head, ...rest] = text.split('\n');
    const line = sink.line(`${waTime(m.t)} ${name(m.from)}: ${head ?? ''}`);
    for (const more of rest) sink.line(more);
    record(m, { file: path, line, messageId: null });
  }
  collector.file(sink.close(), 'chat-whatsapp-txt', c.messages.length);
  return path;
}

function writeQq(root: string, c: Conversation, collector: Collector, record: Record_, exportedAt: number): string {
  const path = `聊天记录/QQ/${c.owner.qq ?? c.owner.phone}/${c.title}.txt`;
  const sink = new FileSink(root, path, 'UTF-8', '\n');
  const first = c.messages[0];
  const last = c.messages[c.messages.length - 1];
  for (const l of ['[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]', '', '===============================================', '           QQ聊天记录导出文件', '===============================================', '', `聊天名称: ${c.title}`, `聊天类型: ${c.group ? '群聊' : '私聊'}`, `参与人数: ${c.participants.length}`, `导出时间: ${fmtDateTime(exportedAt)}`, `消息总数: ${c.messages.length}`, `时间范围: ${fmtDateTime(first?.t ?? 0)} - ${fmtDateTime(last?.t ?? 0)}`, '', '']) sink.line(l);
  for (const m of c.messages) {
    const nick = m.from ? (m.from.wechat?.nickname ?? m.from.name) : '系统消息';
    const line = sink.line(`${nick}:`);
    sink.line(`时间: ${fmtDateTime(m.t)}`);
    const text = m.kind === 'image' ? '[图片]' : m.kind === 'voice' ? '[语音 7秒]' : m.text;
    const [head, ...rest] = text.split('\n');
    sink.line(`内容: ${head ?? ''}`);
    for (const more of rest) sink.line(more);
    sink.line('');
    sink.line('');
    record(m, { file: path, line, messageId: null });
  }
  for (const l of ['===============================================', '              导出完成', '===============================================', `总计导出 ${c.messages.length} 条消息`, `导出时间: ${fmtDateTime(exportedAt)}`]) sink.line(l);
  collector.file(sink.close(), 'chat-qq-txt', c.messages.length);
  return path;
}

function isoLocal(t: number): string {
  const p = parts(t);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}`;
}

function writeTelegram(root: string, rng: Rng, c: Conversation, collector: Collector, record: Record_, exportedAt: number): string {
  const p = parts(exportedAt);
  const path = `聊天记录/Telegram/${c.owner.phone}/ChatExport_${p.y}-${p.mo}-${p.d}/${c.title}/result.json`;
  const userIds = new Map<Person, string>();
  for (const person of c.participants) userIds.set(person, `user${rng.int(1, 9)}${rng.digits(9)}`);
  const shown = (person: Person): string => (person.roles.includes('organiser') ? `老${person.name.charAt(0)}` : (person.wechat?.nickname ?? person.name));
  let id = rng.int(100, 900);
  const first = c.messages[0];
  const creator = c.participants[0];
  const messages: Record<string, unknown>[] = [{ id: id++, type: 'service', date: isoLocal((first?.t ?? 0) - 86_400), date_unixtime: String(unixSeconds((first?.t ?? 0) - 86_400)), actor: creator ? shown(creator) : '', actor_id: creator ? (userIds.get(creator) ?? '') : '', action: 'create_group', title: c.title, members: c.participants.map(shown), text: '', text_entities: [] }];
  const ids: number[] = [];
  for (const m of c.messages) {
    const text = m.kind === 'image' ? '' : m.kind === 'voice' ? '' : m.text;
    const msg: Record<string, unknown> = { id, type: 'message', date: isoLocal(m.t), date_unixtime: String(unixSeconds(m.t)), from: m.from ? shown(m.from) : '', from_id: m.from ? (userIds.get(m.from) ?? '') : '' };
    if (m.kind === 'image') Object.assign(msg, { photo: `photos/photo_${id}@${isoLocal(m.t).replace(/[-:T]/g, '')}.jpg`, width: 1280, height: 960 });
    if (m.kind === 'voice') Object.assign(msg, { file: `voice_messages/audio_${id}@${isoLocal(m.t).replace(/[-:T]/g, '')}.ogg`, media_type: 'voice_message', mime_type: 'audio/ogg', duration_seconds: 7 });
    msg.text = text;
    msg.text_entities = text === '' ? [] : [{ type: 'plain', text }];
    messages.push(msg);
    ids.push(id++);
  }
  const sink = new FileSink(root, path, 'UTF-8', '\n');
  sink.raw(`${JSON.stringify({ name: c.title, type: c.group ? 'private_supergroup' : 'personal_chat', id: rng.int(1_000_000_000, 1_999_999_999), messages }, null, 1)}\n`);
  c.messages.forEach((m, i) => record(m, { file: path, line: null, messageId: String(ids[i] ?? '') }));
  collector.file(sink.close(), 'chat-telegram-json', c.messages.length);
  return path;
}
