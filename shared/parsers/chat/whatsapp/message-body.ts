import type { AttachmentRef, MessageType } from '../../types';
import { messageTypeOfFile } from '../common/index';
import { DIRECTION_MARKS } from './timestamp-line';

/**
 * What follows a WhatsApp timestamp: `Name: text` for a message, a bare text for a system line (`Loris added
 * Emily`, `+12 345 578 created group "Groupname"`), with the export's markers for attachments, omitted media and
 * deleted messages read into a message type.
 */

export interface SplitRest {
  /** the sender as written (direction marks removed), or null for a system line */
  sender: string | null;
  /** the text after `Name: ` as written */
  text: string;
}

/** iOS writes system events under the group's name with a U+200E before the text. */
const SYSTEM_MARK = '\u200e';

/**
 * `Name: text`. Names hold no line break and no quote marks (those belong to system texts about group subjects);
 * `Name:` with nothing after it is an empty message; `John Doe:.` (no space) is only a message when John Doe writes
 * elsewhere in the file.
 */
export function splitSender(rest: string, knownSenders: ReadonlySet<string>): SplitRest {
  const m = /^([^:\n"“”]{1,100}?):(?: (.*)|$)/s.exec(rest);
  if (m) return { sender: cleanName(m[1] ?? ''), text: m[2] ?? '' };
  const tight = /^([^:\n"“”]{1,100}?):(\S.*)$/s.exec(rest);
  if (tight && knownSenders.has(cleanName(tight[1] ?? ''))) return { sender: cleanName(tight[1] ?? ''), text: tight[2] ?? '' };
  return { sender: null, text: rest };
}

export function cleanName(name: string): string {
  return name.replace(DIRECTION_MARKS, '').trim();
}

/** `+1 123 456 789`, `+86 138 0013 8000` → `+1123456789`; null for a name. */
export function phoneOfSender(name: string): string | null {
  if (!/^\+\d[\d\s\-().]{5,24}$/.test(name)) return null;
  const digits = name.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 ? `+${digits}` : null;
}

const ENCRYPTION_NOTICE =
  /^(?:Messages and calls are end-to-end encrypted|Messages (?:to|you send to) this (?:group|chat) are now secured with end-to-end encryption|消息和通话已进行端到端加密|发送到此群组的消息和通话已进行端到端加密|Los mensajes y las llamadas están cifrados de extremo a extremo|Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt)/i;

/** The banner WhatsApp puts at the top of every chat: no one wrote it. */
export function isEncryptionNotice(text: string): boolean {
  return ENCRYPTION_NOTICE.test(text.replace(DIRECTION_MARKS, '').trim());
}

/** iOS-style system text (`‎Loris added Emily` under the group's name) that is not a media or deletion marker. */
export function isMarkedSystemText(text: string): boolean {
  if (!text.startsWith(SYSTEM_MARK)) return false;
  const body = classifyBody(text.split('\n'));
  return body.messageType === 'text' && body.attachments.length === 0;
}

const GROUP_EVENT =
  /\b(?:created (?:the )?group|added|removed|left|joined using this group's invite link|changed the (?:subject|group description|group name)|changed this group's|made you an admin)\b|创建了群组|创建了群|添加了|移除了|已退出|退出了群|已加入|加入了群|邀请链接加入|更改了群组|更改了主题|更改了群名/i;

export function isGroupEvent(systemText: string): boolean {
  return GROUP_EVENT.test(systemText);
}

/** `created group “X”`, `changed the subject to "X"`, `创建了群组“X”`: the group's name as the system line states it. */
export function groupNameIn(systemText: string): string | null {
  const m = /(?:created (?:the )?group|changed the subject (?:from .+? )?to|changed the group name (?:from .+? )?to|创建了群组|创建了群|将群组名称更改为|更改了群组名称为|更改了主题为)\s*[“"「]([^”"」]{1,200})[”"」]/i.exec(systemText);
  return m ? (m[1] ?? '').trim() : null;
}

export interface Body {
  messageType: MessageType;
  text: string;
  attachments: AttachmentRef[];
}

/** Words WhatsApp writes before an attached file's name: `<attached: x.jpg>`, `<adjunto: …>`, `<附件：…>`. */
const ATTACHED_TAG = /^(?:attached|adjunto|anexo|anexado|anhang|allegato|pièce jointe|bijlage|załącznik|прикреплено|附件|附加|添付ファイル|첨부)$/i;
/** iOS names exported media `00000001-PHOTO-2019-06-20-16-00-15.jpg`. */
const IOS_MEDIA_NAME = /^\d{8}-[A-Z]+-\d{4}(?:-\d{2}){5}\.\w+$/;
/** Android's `IMG-20240101-WA0001.jpg (file attached)` and its translations. */
const FILE_ATTACHED = /^(?:file attached|archivo adjunto|datei angehängt|fichier joint|file allegato|arquivo anexado|bestand bijgevoegd|附件|已附加文件|文件已附加)$/i;
const ANDROID_MEDIA_NAME = /^(?:IMG|VID|PTT|AUD|STK|DOC)-\d{8}-WA\d{4}/;

const MEDIA_OMITTED = /^<(?:Media omitted|省略影音内容|媒体已忽略|媒體已略過|Multimedia omitido|Medien ausgeschlossen|Médias omis|Mídia oculta|Media omessi)>$/i;
const TYPED_OMISSIONS: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/^(?:image|photo|imagen|Bild|图片|照片)\s*(?:omitted|omitida|weggelassen|已(?:忽略|省略))$/i, 'image'],
  [/^(?:video|vídeo|视频)\s*(?:omitted|omitido|weggelassen|已(?:忽略|省略))$/i, 'video'],
  [/^(?:audio|音频|语音)\s*(?:omitted|omitido|weggelassen|已(?:忽略|省略))$/i, 'voice'],
  [/^(?:sticker|贴图|GIF)\s*(?:omitted|omitido|weggelassen|已(?:忽略|省略))$/i, 'sticker'],
  [/^(?:document|documento|Dokument|文件|文档)\s*(?:omitted|omitido|weggelassen|已(?:忽略|省略))/i, 'file'],
  [/^(?:Contact card|tarjeta de contacto|联系人名片)\s*(?:omitted|omitida|weggelassen|已(?:忽略|省略))$/i, 'contact'],
];
const DELETED =
  /^(?:This message was deleted|You deleted this message|此消息已删除|你删除了此消息|您删除了此消息|此訊息已被刪除|Se eliminó este mensaje|Eliminaste este mensaje|Diese Nachricht wurde gelöscht|Du hast diese Nachricht gelöscht)\.?$/i;
const CALL = /^(?:Missed (?:group )?(?:voice|video) call|(?:Voice|Video) call|未接(?:语音|视频)通话|(?:语音|视频)通话|Llamada perdida|Videollamada perdida)\b/i;
const LOCATION = /^(?:(?:location|ubicación|Standort|位置|实时位置)[:：]\s*https?:\/\/\S+|live location shared|实时位置共享)$/i;

function attachedFile(line: string): { name: string; caption: string } | null {
  const ios = /^<([^<>:：]{1,40})[:：]\s*([^<>]+?)>\s*(.*)$/s.exec(line);
  if (ios) {
    const name = (ios[2] ?? '').trim();
    if (ATTACHED_TAG.test((ios[1] ?? '').trim()) || IOS_MEDIA_NAME.test(name)) return { name, caption: ios[3] ?? '' };
  }
  const android = /^(.+?\.[A-Za-z0-9]{1,8}) \(([^()]{1,30})\)$/.exec(line.trim());
  if (android) {
    const name = (android[1] ?? '').trim();
    if (FILE_ATTACHED.test((android[2] ?? '').trim()) || ANDROID_MEDIA_NAME.test(name)) return { name, caption: '' };
  }
  return null;
}

/** The lines of one message (the first without its timestamp and sender) → type, text and attachments. */
export function classifyBody(lines: readonly string[]): Body {
  const [first = '', ...more] = lines.map((line) => line.replace(DIRECTION_MARKS, ''));
  const whole = [first, ...more].join('\n');
  const attached = attachedFile(first);
  if (attached) {
    const caption = [attached.caption, ...more].join('\n').trim();
    const kind = messageTypeOfFile(attached.name);
    return { messageType: kind, text: caption, attachments: [{ name: attached.name, kind }] };
  }
  const single = more.length === 0 ? first.trim() : null;
  if (single !== null) {
    if (MEDIA_OMITTED.test(single)) return { messageType: 'other', text: whole, attachments: [] };
    for (const [pattern, type] of TYPED_OMISSIONS) if (pattern.test(single)) return { messageType: type, text: whole, attachments: [] };
    if (DELETED.test(single)) return { messageType: 'recalled', text: whole, attachments: [] };
    if (CALL.test(single)) return { messageType: 'call', text: whole, attachments: [] };
    if (LOCATION.test(single)) return { messageType: 'location', text: whole, attachments: [] };
  }
  if (/^POLL:$/i.test(first.trim()) || /^(?:投票|ENCUESTA)[:：]$/.test(first.trim())) return { messageType: 'other', text: whole, attachments: [] };
  return { messageType: 'text', text: whole, attachments: [] };
}
