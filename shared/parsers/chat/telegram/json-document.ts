/**
 * JSON exports are parsed whole. V8's JSON.parse is iterative, so even 100,000 levels of `[[[…` parse without
 * exhausting the stack; a file that is not JSON becomes one plain-words reason with the offset where it breaks,
 * found by a small scanner of our own (V8's messages for a stray token carry no position and quote the text).
 */

export type JsonDocument = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonDocument(text: string): JsonDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const found = findJsonError(body);
    if (found !== null) return { ok: false, message: `not valid JSON: ${found.reason} ${where(body, found.position)}` };
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, message: `not valid JSON: ${reason.slice(0, 200)}` };
  }
}

function where(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `at position ${position} (line ${line}, column ${position - lineStart + 1})`;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function shown(c: string): string {
  return c.charCodeAt(0) < 0x20 ? `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `'${c}'`;
}

/** The first syntax error of a JSON text ({position, reason}), or null when it is valid JSON. */
export function findJsonError(text: string): { position: number; reason: string } | null {
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  const scanString = (): { position: number; reason: string } | null => {
    for (let j = i + 1; j < n; j++) {
      const code = text.charCodeAt(j);
      if (code === 34) {
        i = j + 1;
        return null;
      }
      if (code < 0x20) return { position: j, reason: `Bad control character in a string` };
      if (code === 92) {
        const next = text.charAt(j + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { position: j, reason: 'Bad Unicode escape in a string' };
          j += 5;
        } else if (ESCAPES.has(next)) {
          j++;
        } else {
          return { position: j, reason: 'Bad escaped character in a string' };
        }
      }
    }
    return { position: n, reason: 'Unterminated string' };
  };
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i++;
    }
    if (i >= n) return expect === 'end' ? null : { position: n, reason: 'Unexpected end of JSON input' };
    const c = text.charAt(i);
    switch (expect) {
      case 'end':
        return { position: i, reason: `Unexpected ${shown(c)} after the end of the JSON value` };
      case 'colon':
        if (c !== ':') return { position: i, reason: `Expected ':' after a property name, found ${shown(c)}` };
        i++;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          expect = afterValue();
        } else {
          return { position: i, reason: top === '{' ? `Expected ',' or '}' after a property value, found ${shown(c)}` : `Expected ',' or ']' after an array element, found ${shown(c)}` };
        }
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (c === '}' && expect === 'key-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
          break;
        }
        if (c !== '"') return { position: i, reason: `Expected a double-quoted property name, found ${shown(c)}` };
        const bad = scanString();
        if (bad !== null) return bad;
        expect = 'colon';
        break;
      }
      case 'value':
      case 'value-or-close': {
        if (c === ']' && expect === 'value-or-close') {
          stack.pop();
          i++;
          expect = afterValue();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
        } else if (c === '"') {
          const bad = scanString();
          if (bad !== null) return bad;
          expect = afterValue();
        } else {
          NUMBER.lastIndex = i;
          const number = NUMBER.exec(text);
          const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
          if (number !== null) i += number[0].length;
          else if (literal !== undefined) i += literal.length;
          else return { position: i, reason: `Unexpected ${shown(c)} where a value was expected` };
          expect = afterValue();
        }
        break;
      }
    }
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string member, or undefined for anything else. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Strings, numbers and booleans as the export wrote them; undefined for objects, arrays and null. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The object's scalar members as strings (null as ''), arrays of scalars joined with ', ', and the scalar members of
 * nested objects under dotted names: what the provenance keeps of one JSON message.
 */
export function flatRaw(object: Record<string, unknown>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null) raw[key] = '';
    const scalar = scalarText(value);
    if (scalar !== undefined) raw[key] = scalar;
    else if (Array.isArray(value) && value.every((item) => scalarText(item) !== undefined)) raw[key] = value.map((item) => scalarText(item) ?? '').join(', ');
    else if (isRecord(value)) {
      for (const [inner, innerValue] of Object.entries(value)) {
        const innerScalar = scalarText(innerValue);
        if (innerScalar !== undefined) raw[`${key}.${inner}`] = innerScalar;
      }
    }
  }
  return raw;
}
