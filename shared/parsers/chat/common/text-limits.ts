import type { RowError } from '../../types';

/** The longest message text a case keeps (ISSUE 5 §1): longer ones are cut and the cut is reported. */
export const MAX_MESSAGE_CHARS = 1_000_000;

export interface CappedText {
  text: string;
  /** the length before cutting, or null when nothing was cut */
  cutFrom: number | null;
}

export function capText(text: string): CappedText {
  return text.length > MAX_MESSAGE_CHARS ? { text: text.slice(0, MAX_MESSAGE_CHARS), cutFrom: text.length } : { text, cutFrom: null };
}

/** The warning row for a cut message; `label` names the format ('WhatsApp', 'QQ' …). */
export function tooLongRow(sheet: string, line: number, label: string, cutFrom: number): RowError {
  return {
    type: 'error',
    sheet,
    line,
    code: 'TOO_LONG',
    message: `${label}: the message has ${cutFrom.toLocaleString('en-US')} characters; the first ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} were kept`,
  };
}

/**
 * Collects the lines of a multi-line message without letting one endless message eat memory: once the kept text
 * passes the cap, further lines are only counted.
 */
export class BoundedLines {
  private readonly kept: string[] = [];
  private keptChars = 0;
  private allChars = -1;
  private droppedAny = false;

  push(line: string): void {
    this.allChars += line.length + 1;
    if (this.keptChars <= MAX_MESSAGE_CHARS) {
      this.kept.push(line);
      this.keptChars += line.length + 1;
    } else if (line.trim() !== '') {
      this.droppedAny = true;
    }
  }

  /** True when lines with text were left out to stay under the cap. */
  get dropped(): boolean {
    return this.droppedAny;
  }

  /** The lines kept, trailing blank lines dropped (exports separate messages with them). */
  lines(): string[] {
    const out = [...this.kept];
    while (out.length > 0 && (out[out.length - 1] ?? '').trim() === '') out.pop();
    return out;
  }

  /** The length of all lines joined with line breaks, dropped ones included. */
  get totalChars(): number {
    return Math.max(0, this.allChars);
  }
}
