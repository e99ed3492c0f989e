import type { ParseContext } from '../../types';

/**
 * A WhatsApp export names its chat only in the file name (`WhatsApp Chat with X.txt`, `与X的WhatsApp聊天.txt`, the zip
 * `WhatsApp Chat - X.zip`); an extracted `_chat.txt` is named by its folder. Group names stated in system lines and
 * the sender of the encryption banner (iOS) are the fallbacks.
 */

const NAMED: readonly RegExp[] = [
  /^WhatsApp Chat with (.+)$/i,
  /^WhatsApp Chat - (.+)$/i,
  /^与(.+?)的\s*WhatsApp\s*(?:聊天|对话)$/i,
  /^和(.+?)的\s*WhatsApp\s*(?:聊天|对话)$/i,
  /^Chat de WhatsApp con (.+)$/i,
  /^WhatsApp[- ]Chat mit (.+)$/i,
  /^Discussion WhatsApp avec (.+)$/i,
  /^Conversa do WhatsApp com (.+)$/i,
];

function stem(name: string): string {
  return name.replace(/\.(?:txt|zip)$/i, '').trim();
}

/** The chat a file name names, with the `(2)` copies get dropped; null for other names. */
export function titleFromName(fileName: string): string | null {
  const base = stem(fileName);
  for (const pattern of NAMED) {
    const m = pattern.exec(base);
    if (m) return (m[1] ?? '').replace(/\s*\(\d+\)$/, '').trim() || null;
  }
  return null;
}

function parentFolder(relPath: string): string {
  const parts = relPath.split('/').filter((part) => part !== '');
  return parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
}

export interface TitleHints {
  groupName?: string | undefined;
  noticeSender?: string | undefined;
}

export function chatTitle(context: Pick<ParseContext, 'fileName' | 'relPath'>, hints: TitleHints): string {
  const named = titleFromName(context.fileName);
  if (named !== null) return named;
  const isChatTxt = /^_chat\.txt$/i.test(context.fileName);
  const folder = isChatTxt ? parentFolder(context.relPath) : '';
  const folderNamed = folder === '' ? null : titleFromName(folder);
  if (folderNamed !== null) return folderNamed;
  if (hints.groupName) return hints.groupName;
  if (hints.noticeSender) return hints.noticeSender;
  if (folder !== '') return folder;
  return stem(context.fileName) || context.fileName;
}
