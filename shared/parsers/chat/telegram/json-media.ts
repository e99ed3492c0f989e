import type { AttachmentRef, MessageType } from '../../types';
import { isRecord, scalarText, stringOf } from './json-document';

/**
 * What a Telegram JSON message carries besides text: a photo, a file of some `media_type`, a location, a shared
 * contact, a poll. Files the exporter left out are written as `(File not included. …)`; the attachment then keeps
 * that text (or the original file name when given), so the investigator sees a file existed.
 */

export interface TelegramMedia {
  messageType: MessageType;
  attachments: AttachmentRef[];
  /** words for what the media says (a location's place, a contact's name and phone, a poll's question) */
  detail: string;
  /** a phone number the message states (shared contact) */
  phone: string | undefined;
}

const BY_MEDIA_TYPE: Record<string, MessageType> = {
  sticker: 'sticker',
  voice_message: 'voice',
  video_message: 'video',
  video_file: 'video',
  // a Telegram "GIF" is a short silent video shown like an image
  animation: 'image',
  audio_file: 'file',
};

function isPlaceholder(path: string): boolean {
  return /^\(.*\)$/s.test(path.trim());
}

function fileAttachment(path: string, fileName: string | undefined, kind: MessageType): AttachmentRef {
  return { name: isPlaceholder(path) && fileName !== undefined && fileName !== '' ? fileName : path, kind };
}

function joined(parts: readonly (string | undefined)[], separator = ' '): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}

export function telegramMedia(message: Record<string, unknown>): TelegramMedia {
  const none: TelegramMedia = { messageType: 'text', attachments: [], detail: '', phone: undefined };
  const photo = stringOf(message.photo);
  if (photo !== undefined) return { ...none, messageType: 'image', attachments: [fileAttachment(photo, undefined, 'image')] };
  const file = stringOf(message.file);
  const mediaType = stringOf(message.media_type);
  if (file !== undefined || mediaType !== undefined) {
    const kind = (mediaType === undefined ? undefined : BY_MEDIA_TYPE[mediaType]) ?? 'file';
    const detail = kind === 'sticker' ? (stringOf(message.sticker_emoji) ?? '') : '';
    return { ...none, messageType: kind, attachments: file === undefined ? [] : [fileAttachment(file, stringOf(message.file_name), kind)], detail };
  }
  const location = message.location_information;
  if (isRecord(location)) {
    const point = joined([scalarText(location.latitude), scalarText(location.longitude)], ', ');
    const detail = joined([stringOf(message.place_name), stringOf(message.address), point === '' ? undefined : `(${point})`]);
    return { ...none, messageType: 'location', detail };
  }
  const contact = message.contact_information;
  if (isRecord(contact)) {
    const phone = stringOf(contact.phone_number);
    return { ...none, messageType: 'contact', detail: joined([stringOf(contact.first_name), stringOf(contact.last_name), phone]), phone };
  }
  const poll = message.poll;
  if (isRecord(poll)) {
    const answers = Array.isArray(poll.answers) ? poll.answers.filter(isRecord).map((answer) => `- ${stringOf(answer.text) ?? ''}`) : [];
    return { ...none, messageType: 'other', detail: joined([stringOf(poll.question), ...answers], '\n') };
  }
  if (isRecord(message.game) || isRecord(message.invoice) || isRecord(message.dice)) return { ...none, messageType: 'other' };
  return none;
}
