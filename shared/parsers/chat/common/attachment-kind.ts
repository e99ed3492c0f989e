import type { MessageType } from '../../types';

/**
 * What kind of message a file name stands for, by its extension (chat exports name attachments as the phone stored
 * them: `IMG-20240101-WA0001.jpg`, `00000003-AUDIO-2019-06-20-16-03-55.mp3`, `PTT-20240101-WA0002.opus`).
 */
const BY_EXTENSION: ReadonlyArray<readonly [RegExp, MessageType]> = [
  [/\.webp$/i, 'sticker'],
  [/\.(?:jpe?g|png|gif|bmp|heic|heif|tiff?)$/i, 'image'],
  [/\.(?:mp4|m4v|mov|3gp|avi|mkv|webm)$/i, 'video'],
  [/\.(?:opus|ogg|oga|mp3|m4a|aac|amr|wav|silk|slk|caf)$/i, 'voice'],
  [/\.vcf$/i, 'contact'],
];

export function messageTypeOfFile(name: string): MessageType {
  for (const [pattern, type] of BY_EXTENSION) if (pattern.test(name.trim())) return type;
  return 'file';
}
