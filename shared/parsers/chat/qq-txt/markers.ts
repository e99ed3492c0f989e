import { foldWidth } from '../../../ids/fold-width';
import type { AttachmentRef, MessageType } from '../../types';
import { messageTypeOfFile } from '../common/index';

/**
 * QQ writes what a message was with bracketed markers in its text exports: `[图片]`, `[图片: x.png]`, `[表情]`,
 * `[[微笑]]` (a face inside text), `[语音 7秒]`, `[文件: x.docx]`, `[视频]`, `[回复 Name: …]`, and recall notices
 * (`撤回了一条消息`). A message whose whole text is one marker is of that kind; markers inside text leave it text.
 */

const MARKER_WORDS: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/^(?:撤回|已撤回|撤回消息)/, 'recalled'],
  [/^(?:QQ)?红包/, 'red-packet'],
  [/^转账/, 'transfer'],
  [/^(?:系统消息|系统提示|灰条消息)/, 'system'],
  [/^(?:图片|闪照|image)/i, 'image'],
  [/^(?:动画表情|表情|超级表情|大表情|商城表情|marketface|face)/i, 'sticker'],
  [/^(?:语音|audio)/i, 'voice'],
  [/^(?:视频|短视频|video)/i, 'video'],
  [/^(?:文件|file)/i, 'file'],
  [/^(?:位置|定位|location)/i, 'location'],
  [/^(?:名片|推荐联系人|推荐群|联系人)/, 'contact'],
  [/^(?:音视频通话|语音通话|视频通话|通话)/, 'call'],
  [/^(?:链接|分享|小程序|卡片消息|json消息|xml消息|ark消息)/i, 'link'],
];

const WHOLE_MARKER = /^\[([^[\]]{1,80})\]$/;
const FACE_ONLY = /^(?:\[\[[^[\]]{1,20}\]\]\s*)+$/;
const RECALL_NOTICE = /^(?:.{0,40}撤回了一条(?:成员)?消息|你撤回了一条消息)$/;

function typeOfMarker(inner: string): MessageType | null {
  const word = foldWidth(inner).trim();
  for (const [pattern, type] of MARKER_WORDS) if (pattern.test(word)) return type;
  return null;
}

/** The kind of a QQ message from its whole text; 'text' when it is not one marker. */
export function qqMessageType(text: string): MessageType {
  const t = text.trim();
  if (t === '') return 'text';
  if (RECALL_NOTICE.test(t)) return 'recalled';
  if (FACE_ONLY.test(t)) return 'sticker';
  const whole = WHOLE_MARKER.exec(t);
  if (whole) return typeOfMarker(whole[1] ?? '') ?? 'text';
  // `[图片: a.png][图片: b.png]`: several markers of one kind
  const markers = [...t.matchAll(/\[([^[\]]{1,80})\]/g)];
  if (markers.length > 1 && markers.map((m) => m[0]).join('') === t.replace(/\]\s+\[/g, '][')) {
    const types = new Set(markers.map((m) => typeOfMarker(m[1] ?? '')));
    const [only] = [...types];
    if (types.size === 1 && only !== null && only !== undefined) return only;
  }
  if (/^\[(?:QQ)?红包\]/.test(t)) return 'red-packet';
  if (/^\[转账\]/.test(t)) return 'transfer';
  return 'text';
}

/** Files the markers name: `[图片: screenshot.png]`, `[文件: trace.json]`, `[视频: v.mp4]`. */
export function markerAttachments(text: string): AttachmentRef[] {
  const out: AttachmentRef[] = [];
  for (const m of text.matchAll(/\[(图片|文件|视频|语音|表情|动画表情)[:：]\s*([^\]]{1,260})\]/g)) {
    const name = (m[2] ?? '').trim();
    if (name === '') continue;
    const word = m[1] ?? '';
    const kind: MessageType = word === '图片' ? 'image' : word === '视频' ? 'video' : word === '语音' ? 'voice' : word === '文件' ? 'file' : 'sticker';
    out.push({ name, kind });
  }
  return out;
}

/** The resource kinds QQChatExporter lists under `资源:` (`  - image: x.png`). */
export function resourceKind(kind: string, name: string): MessageType {
  const k = kind.trim().toLowerCase();
  if (k === 'image') return 'image';
  if (k === 'video') return 'video';
  if (k === 'audio' || k === 'voice') return 'voice';
  if (k === 'file') return 'file';
  return messageTypeOfFile(name);
}
