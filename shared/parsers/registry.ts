import { BANK_FORMATS, SELF_PROVIDED_BANK_FORMATS } from './bank/index';
import { CHAT_FORMATS } from './chat/index';
import { PAYMENT_FORMATS } from './payment/index';
import type { DetectInput, Detection, FormatSpec } from './types';

/** Every built-in format, in the order `chainsight formats` lists them. */
export const BUILT_IN_FORMATS: readonly FormatSpec[] = [...BANK_FORMATS, ...SELF_PROVIDED_BANK_FORMATS, ...PAYMENT_FORMATS, ...CHAT_FORMATS];

export interface RankedDetection extends Detection {
  format: FormatSpec;
}

/** All formats that recognise the file, most confident first. */
export function detectFormats(input: DetectInput, formats: readonly FormatSpec[] = BUILT_IN_FORMATS): RankedDetection[] {
  const ranked: RankedDetection[] = [];
  for (const format of formats) {
    const detection = format.detect(input);
    if (detection !== null && detection.confidence > 0) ranked.push({ ...detection, format });
  }
  return ranked.sort((a, b) => b.confidence - a.confidence);
}

export function formatById(id: string, formats: readonly FormatSpec[] = BUILT_IN_FORMATS): FormatSpec | undefined {
  return formats.find((format) => format.id === id);
}
