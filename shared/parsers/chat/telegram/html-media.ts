import type { AttachmentRef, MessageType } from '../../types';
import type { MarkupElement } from './dom';
import { attr, classesOf, findAll, findFirst, isLocalHref, visibleText } from './dom';

/**
 * A Telegram HTML message's `media_wrap`: which kind of media it shows (by the classes the exporter gives each kind)
 * and the file it links to. Media left out of the export show a title and "Not included …" instead of a link.
 */

const CLASS_KINDS: readonly (readonly [string, MessageType])[] = [
  ['sticker_wrap', 'sticker'],
  ['sticker', 'sticker'],
  ['media_voice_message', 'voice'],
  ['video_file_wrap', 'video'],
  ['media_video', 'video'],
  ['video_file', 'video'],
  ['animated_wrap', 'image'],
  ['photo_wrap', 'image'],
  ['photo', 'image'],
  ['media_photo', 'image'],
  ['media_audio_file', 'file'],
  ['media_file', 'file'],
  ['media_location', 'location'],
  ['media_live_location', 'location'],
  ['media_venue', 'location'],
  ['media_contact', 'contact'],
  ['media_call', 'call'],
  ['media_poll', 'other'],
  ['media_game', 'other'],
  ['media_invoice', 'other'],
];

const DESCRIBED = new Set<MessageType>(['location', 'contact', 'call', 'other']);

export interface HtmlMedia {
  messageType: MessageType;
  attachments: AttachmentRef[];
  /** what the media box says, for kinds whose words are the content (a place, a contact, a call, a poll) */
  detail: string;
}

export function htmlMedia(wrap: MarkupElement): HtmlMedia {
  const classes = new Set(findAll(wrap, () => true).flatMap(classesOf));
  const found = CLASS_KINDS.find(([name]) => classes.has(name));
  const kind: MessageType = found?.[1] ?? 'file';
  const link = findFirst(wrap, (el) => el.name === 'a' && isLocalHref(attr(el, 'href')));
  // media left out of the export keep their words ("Photo Not included, … 960x1280, 136.5 KB") as the name
  const name = link !== undefined ? attr(link, 'href') : visibleText(wrap).replace(/\n/g, ' ');
  const detail = DESCRIBED.has(kind) ? visibleText(wrap).replace(/\n/g, ' ') : '';
  const attachable = kind !== 'location' && kind !== 'contact' && kind !== 'call' && kind !== 'other';
  return { messageType: kind, attachments: attachable && name !== '' ? [{ name, kind }] : [], detail };
}
