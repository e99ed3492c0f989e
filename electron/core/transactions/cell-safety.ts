/**
 * Exported cells that cannot start formulas (ARCHITECTURE.md §5.7, OWASP "CSV injection"): seized text such as
 * `=HYPERLINK(…)` or `@SUM(…)` would run when the file is opened in Excel or WPS. A cell starting with = + - @, a
 * tab or a carriage return gets a leading apostrophe, which spreadsheets show as text. A plain negative number
 * (`-1234.56`) is left alone: it is a number to every spreadsheet, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

/** Would a spreadsheet read this cell as the start of a formula? (what the tests check every exported cell against) */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text);
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
