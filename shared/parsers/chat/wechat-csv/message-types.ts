import type { MessageType } from '../../types';

/**
 * WeChat's message types as the PC database stores them (`Type`, `SubType`) and as PyWxDump / 留痕 / WeClone name
 * them in `type_name`. Type 49 is an "app message" whose sub-type says what it is.
 */

const APP_SUBTYPES: ReadonlyMap<number, MessageType> = new Map<number, MessageType>([
  [1, 'text'],
  [3, 'link'], // music share
  [4, 'link'],
  [5, 'link'],
  [6, 'file'],
  [8, 'sticker'], // an uploaded GIF
  [17, 'location'], // live location
  [19, 'other'], // a forwarded bundle of chat records
  [24, 'other'], // a note
  [33, 'link'], // mini program
  [36, 'link'],
  [51, 'link'], // channels
  [57, 'text'], // a reply quoting another message
  [63, 'link'],
  [87, 'other'], // group announcement
  [88, 'link'],
  [2000, 'transfer'],
  [2001, 'red-packet'],
  [2003, 'other'], // a red-packet cover given away
]);

const CODES: ReadonlyMap<number, MessageType> = new Map<number, MessageType>([
  [1, 'text'],
  [3, 'image'],
  [34, 'voice'],
  [37, 'system'], // friend request
  [42, 'contact'],
  [43, 'video'],
  [47, 'sticker'],
  [48, 'location'],
  [50, 'call'],
  [62, 'video'], // short video
  [64, 'call'], // group call notice
  [65, 'system'],
  [66, 'system'],
  [10000, 'system'],
  [10002, 'recalled'],
  // some exports print 49 + sub-type as one number
  [419430449, 'transfer'],
  [436207665, 'red-packet'],
]);

/** `Type` and `SubType` numbers → kind; null when the code is not one WeChat uses. */
export function typeOfCode(type: number, subType: number): MessageType | null {
  if (type === 49) return APP_SUBTYPES.get(subType) ?? 'link';
  return CODES.get(type) ?? null;
}

/** type_name words, most specific first (语音通话 is a call, 视频号 a link, 红包封面 no red packet). */
const NAMES: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/撤回/, 'recalled'],
  [/红包封面/, 'other'],
  [/红包/, 'red-packet'],
  [/转账|收款/, 'transfer'],
  [/通话/, 'call'],
  [/系统|拍一拍|邀请|添加好友|打招呼/, 'system'],
  [/视频号|直播|小程序|链接|音乐|分享|公众号文章/, 'link'],
  [/表情|GIF/i, 'sticker'],
  [/图片/, 'image'],
  [/视频/, 'video'],
  [/语音/, 'voice'],
  [/位置/, 'location'],
  [/名片|推荐公众号/, 'contact'],
  [/文件/, 'file'],
  [/文本|文字|引用|粘贴/, 'text'],
  [/合并转发|聊天记录|笔记|群公告|接龙|未知/, 'other'],
];

export function typeOfName(name: string): MessageType | null {
  const t = name.trim();
  if (t === '') return null;
  for (const [pattern, type] of NAMES) if (pattern.test(t)) return type;
  return null;
}
