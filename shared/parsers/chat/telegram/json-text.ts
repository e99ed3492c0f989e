import { isRecord } from './json-document';

/**
 * Telegram writes a message's `text` as a string, or as a list of plain strings and entity objects
 * (`{type: 'bold' | 'link' | 'mention' | 'text_link' …, text, href?}`). The text is the parts joined as written;
 * hidden link targets (`text_link`'s href) are kept aside because they are what a phishing message hides.
 */

export type TelegramText = { ok: true; text: string; links: string[] } | { ok: false; reason: string };

export function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return `a ${typeof value}`;
}

export function telegramText(value: unknown): TelegramText {
  if (typeof value === 'string') return { ok: true, text: value, links: [] };
  if (!Array.isArray(value)) return { ok: false, reason: `its text is ${describeJson(value)}, not a string or a list of parts` };
  let text = '';
  const links: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const part: unknown = value[i];
    if (typeof part === 'string') {
      text += part;
    } else if (isRecord(part) && typeof part.text === 'string') {
      text += part.text;
      if (typeof part.href === 'string' && part.href !== '') links.push(part.href);
    } else {
      return { ok: false, reason: `part ${i + 1} of its text is ${describeJson(part)}, neither a string nor an entity with text` };
    }
  }
  return { ok: true, text, links };
}
