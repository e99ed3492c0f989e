import { parseBankAmount } from '../../../money/index';
import type { MessageType } from '../../types';
import type { MarkupDocument, MarkupElement } from '../telegram/dom';
import { attr, childElements, findFirst, parseXml, xmlText } from '../telegram/dom';

/**
 * The XML WeChat stores in `message.content` for everything but plain text: `<msg><appmsg>` (files, links,
 * transfers, red packets, quotes …), `<msg><location/>`, contact cards, `<voipmsg>` calls and `<sysmsg>` notices.
 * It is parsed as data (htmlparser2 in XML mode) and only named fields are read; nothing is rendered.
 */

export interface MessageContent {
  messageType: MessageType;
  text: string;
  /** attachment name a message names in its XML (a file's title) */
  fileName?: string | undefined;
  amountMinor?: number | undefined;
  /** the quoted message's server id (appmsg type 57 refermsg/svrid) */
  replyTo?: string | undefined;
  /** a WeChat id a shared contact card states */
  cardId?: string | undefined;
}

/** The XML document of a content cell, or null for plain text (and XML nested too deep to be a real message). */
function xmlOf(content: string): MarkupDocument | null {
  const start = content.indexOf('<');
  if (start === -1) return null;
  const parsed = parseXml(content.slice(start));
  return parsed.ok ? parsed.doc : null;
}

function named(root: MarkupDocument | MarkupElement, name: string): MarkupElement | undefined {
  return findFirst(root, (el) => el.name === name);
}

function childText(parent: MarkupElement | undefined, name: string): string {
  if (parent === undefined) return '';
  const el = childElements(parent).find((c) => c.name === name);
  return el === undefined ? '' : xmlText(el).trim();
}

function joined(parts: readonly string[], separator = ' '): string {
  return parts.filter((part) => part !== '').join(separator);
}

/** appmsg `<type>` → what the message is (WeChat's own numbering of "app" messages). */
const APP_TYPES: Record<string, MessageType> = {
  '1': 'text',
  '2': 'image',
  '3': 'link',
  '4': 'link',
  '5': 'link',
  '6': 'file',
  '8': 'sticker',
  '17': 'location',
  '19': 'other',
  '33': 'link',
  '36': 'link',
  '51': 'link',
  '57': 'text',
  '62': 'system',
  '63': 'link',
  '74': 'file',
  '87': 'system',
  '2000': 'transfer',
  '2001': 'red-packet',
  '2002': 'red-packet',
  '2003': 'red-packet',
};

const TRANSFER_STEPS: Record<string, string> = { '1': '发起转账', '3': '已收款', '4': '已退还', '5': '过期已退还', '7': '待收款', '8': '已收款' };

/** A 49-family (app) message; `forced` is the kind the row's own type code already fixes (transfer, red packet). */
export function appMessage(content: string, forced?: MessageType): MessageContent {
  const doc = xmlOf(content);
  const appmsg = doc === null ? undefined : named(doc, 'appmsg');
  if (appmsg === undefined) return { messageType: forced ?? 'other', text: doc === null ? content : '' };
  const appType = childText(appmsg, 'type');
  const messageType = forced ?? APP_TYPES[appType] ?? 'other';
  const title = childText(appmsg, 'title');
  const des = childText(appmsg, 'des');
  const pay = named(appmsg, 'wcpayinfo');
  if (messageType === 'transfer') {
    const feedesc = childText(pay, 'feedesc');
    const amount = parseBankAmount(feedesc);
    const step = TRANSFER_STEPS[childText(pay, 'paysubtype')] ?? '';
    return { messageType, text: joined([title, feedesc, step, childText(pay, 'pay_memo')]), amountMinor: amount.ok ? Math.abs(amount.minor) : undefined };
  }
  if (messageType === 'red-packet') {
    const wish = childText(pay, 'sendertitle');
    return { messageType, text: joined([title, wish !== '' ? wish : des]) };
  }
  if (appType === '57') {
    const refer = named(appmsg, 'refermsg');
    return { messageType, text: title, replyTo: childText(refer, 'svrid') };
  }
  if (messageType === 'file') return { messageType, text: title, fileName: title };
  if (messageType === 'link') return { messageType, text: joined([title, des, childText(appmsg, 'url')], '\n') };
  return { messageType, text: joined([title, des], '\n') };
}

/** type 48: `<msg><location x y label poiname/></msg>`. */
export function locationMessage(content: string): MessageContent {
  const doc = xmlOf(content);
  const location = doc === null ? undefined : named(doc, 'location');
  if (location === undefined) return { messageType: 'location', text: content };
  const point = joined([attr(location, 'x'), attr(location, 'y')], ', ');
  return { messageType: 'location', text: joined([attr(location, 'poiname'), attr(location, 'label'), point === '' ? '' : `(${point})`]) };
}

/** type 42: a shared contact card `<msg username nickname alias …/>`. */
export function contactCard(content: string): MessageContent {
  const doc = xmlOf(content);
  const msg = doc === null ? undefined : named(doc, 'msg');
  if (msg === undefined) return { messageType: 'contact', text: content };
  const username = attr(msg, 'username');
  const alias = attr(msg, 'alias');
  return { messageType: 'contact', text: joined([attr(msg, 'nickname'), alias, username]), cardId: alias !== '' ? alias : username };
}

/** type 50: `<voipmsg><VoIPBubbleMsg><msg>通话时长 00:05</msg>…`; some versions write plain text. */
export function callMessage(content: string): MessageContent {
  const doc = xmlOf(content);
  const bubble = doc === null ? undefined : named(doc, 'VoIPBubbleMsg');
  return { messageType: 'call', text: bubble === undefined ? (doc === null ? content : '') : childText(bubble, 'msg') };
}

/** type 10002: `<sysmsg type="revokemsg">` (a recall notice), pats and templated notices. */
export function systemXml(content: string): MessageContent {
  const doc = xmlOf(content);
  const sysmsg = doc === null ? undefined : named(doc, 'sysmsg');
  if (sysmsg === undefined) return { messageType: 'system', text: content };
  const revoke = named(sysmsg, 'revokemsg');
  if (attr(sysmsg, 'type') === 'revokemsg' || revoke !== undefined) {
    return { messageType: 'recalled', text: childText(revoke, 'replacemsg') };
  }
  const template = named(sysmsg, 'template');
  return { messageType: 'system', text: (template === undefined ? xmlText(sysmsg) : xmlText(template)).trim() };
}
