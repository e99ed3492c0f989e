import type { AttachmentRef, MessageType } from '../../types';
import { isRecord, scalarText, stringOf } from '../telegram/json-document';

/**
 * QQChatExporter (QCE) writes each message's content as `elements[]` ({type, data}) plus the files among them as
 * `resources[]`. Text, faces (QQ's inline emoji), @-mentions and the quoted part of a reply leave a message a text
 * message; the first element of another kind decides its type. The `type_N` codes beside them are not used: QCE
 * renumbers QQ's own message types and its test data does not follow them.
 */

const ELEMENT_KINDS: Record<string, MessageType> = {
  image: 'image',
  video: 'video',
  audio: 'voice',
  file: 'file',
  market_face: 'sticker',
  location: 'location',
  json: 'link',
  forward: 'other',
  system: 'system',
};

const RESOURCE_KINDS: Record<string, MessageType> = { image: 'image', video: 'video', audio: 'voice', file: 'file' };

export interface QceContent {
  messageType: MessageType;
  attachments: AttachmentRef[];
  /** the quoted message's id (reply element), '' when none */
  replyTo: string;
  /** the text as exported (elements' text joined when `content.text` is missing) */
  text: string;
}

function elementsOf(content: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(content.elements) ? content.elements.filter(isRecord) : [];
}

function dataOf(element: Record<string, unknown>): Record<string, unknown> {
  return isRecord(element.data) ? element.data : {};
}

function resourceName(data: Record<string, unknown>): string {
  for (const key of ['localPath', 'filename', 'fileName', 'url']) {
    const value = stringOf(data[key]);
    if (value !== undefined && value !== '') return value;
  }
  return '';
}

export function qceContent(content: Record<string, unknown>): QceContent {
  const elements = elementsOf(content);
  let messageType: MessageType = 'text';
  let replyTo = '';
  for (const element of elements) {
    const type = stringOf(element.type) ?? '';
    const kind = ELEMENT_KINDS[type];
    if (kind !== undefined && messageType === 'text') messageType = kind;
    if (type === 'reply' && replyTo === '') {
      const data = dataOf(element);
      replyTo = ['referencedMessageId', 'messageId', 'replyMsgId', 'msgId'].map((key) => scalarText(data[key]) ?? '').find((id) => id !== '') ?? '';
    }
  }
  const resources = Array.isArray(content.resources) ? content.resources.filter(isRecord) : [];
  const attachments: AttachmentRef[] = (resources.length > 0 ? resources : elements.map(dataOfTyped))
    .map((item) => ({ kind: RESOURCE_KINDS[stringOf(item.type) ?? ''], name: resourceName(item) }))
    .filter((a): a is AttachmentRef => a.kind !== undefined && a.name !== '');
  const text =
    stringOf(content.text) ??
    elements
      .filter((element) => element.type === 'text')
      .map((element) => stringOf(dataOf(element).text) ?? '')
      .join('');
  return { messageType, attachments, replyTo, text };
}

/** An element's data with its type, so elements and resources read alike. */
function dataOfTyped(element: Record<string, unknown>): Record<string, unknown> {
  return { ...dataOf(element), type: element.type };
}
