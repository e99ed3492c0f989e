import type { DetectInput, Detection, FormatSpec } from '../../types';
import { mapWhatsappRows } from './map-rows';
import { surveyWhatsapp } from './survey';
import { readStampLine } from './timestamp-line';

/**
 * WhatsApp's "Export chat" text (iOS and Android, every locale's date layout), as a .txt or inside the zip that
 * "Attach media" makes. Exported by a party's phone: self-provided.
 */

const NAME_HINT = /whatsapp|(?:^|\/)_chat\.txt$/i;
/** The chat text entry of an "Attach media" zip (macOS resource forks under __MACOSX/ are not it). */
const CHAT_ENTRY = /(?:^|\/)(?:_chat\.txt|WhatsApp[^/]*\.txt)$/i;

/** How many of the first lines start with a WhatsApp timestamp, and whether the very first one does. */
function stampedLines(text: string): { stamped: number; firstIsStamp: boolean; nonBlank: number } {
  const lines = text.split(/\r?\n/);
  // the text is cut at ~64 KB: its last line may be a fragment
  if (lines.length > 1) lines.pop();
  let stamped = 0;
  let nonBlank = 0;
  let firstIsStamp = false;
  for (const line of lines.slice(0, 400)) {
    if (line.trim() === '') continue;
    const isStamp = readStampLine(line) !== null;
    if (nonBlank === 0) firstIsStamp = isStamp;
    nonBlank++;
    if (isStamp) stamped++;
  }
  return { stamped, firstIsStamp, nonBlank };
}

function detectText(input: DetectInput, inZip: boolean): Detection | null {
  const { stamped, firstIsStamp, nonBlank } = stampedLines(input.text ?? '');
  if (stamped === 0 || !(firstIsStamp || stamped >= 3)) return null;
  // long multi-line messages lower the share of timestamped lines; a log with a few dates in it does not start with one
  if (!firstIsStamp && stamped * 4 < nonBlank) return null;
  const reasons = [`WhatsApp：开头 ${nonBlank} 行中有 ${stamped} 行以 WhatsApp 时间戳开头`];
  let confidence = firstIsStamp ? 0.85 : 0.7;
  if (inZip) {
    confidence += 0.1;
    reasons.push('压缩包内是“附带媒体”导出的聊天文本');
  } else if (NAME_HINT.test(`${input.relPath}/${input.fileName}`)) {
    confidence += 0.1;
    reasons.push('文件名表明是 WhatsApp 聊天');
  }
  return { confidence: Math.min(0.98, confidence), reason: reasons.join('；') };
}

export const whatsappText: FormatSpec = {
  id: 'whatsapp.txt',
  version: 1,
  name: { zh: 'WhatsApp 聊天导出（文本）', en: 'WhatsApp chat export (text)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'lines' },
  detect: (input) => (input.container === 'zip' || input.container === 'xlsx' || input.container === 'xls' || input.container === 'sqlite' ? null : detectText(input, false)),
  survey: surveyWhatsapp,
  mapRows: mapWhatsappRows,
};

export const whatsappZip: FormatSpec = {
  id: 'whatsapp.zip',
  version: 1,
  name: { zh: 'WhatsApp 聊天导出（含媒体的 zip）', en: 'WhatsApp chat export with media (zip)' },
  kind: 'messages',
  grade: 'self-provided',
  input: { kind: 'lines' },
  detect: (input) => {
    if (input.container !== 'zip') return null;
    const entry = (input.entries ?? []).find((name) => CHAT_ENTRY.test(name) && !name.startsWith('__MACOSX/'));
    if (entry === undefined) return null;
    return detectText(input, true) ?? { confidence: 0.6, reason: `WhatsApp：压缩包内有 ${entry}，但开头几行没有 WhatsApp 时间戳` };
  },
  survey: surveyWhatsapp,
  mapRows: mapWhatsappRows,
};
