import { describe, expect, it } from 'vitest';
import { findJsonError, parseJsonDocument } from '../../../../../shared/parsers/chat/telegram/json-document';

/** The scanner that says where a JSON file breaks must agree with JSON.parse on what is JSON at all. */

const VALID = [
  '{}',
  '[]',
  ' \n\t{"a": [1, -2.5e+3, 0, 0.25, true, false, null, "x\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9"]}\r\n',
  '"just a string"',
  '-0',
  '{"nested": {"deeper": [[], [{}], {"k": "中文 😀"}]}}',
  '12345678901234567890',
];

const INVALID: [string, number][] = [
  ['', 0],
  ['{', 1],
  ['{"a" 1}', 5],
  ['{"a": 1,}', 8],
  ['[1 2]', 3],
  ['[01]', 2],
  ['{"a": tru}', 6],
  ['"tab\there"', 4],
  ['"bad \\x escape"', 5],
  ['"\\u12G4"', 1],
  ['{} {}', 3],
  ['{a: 1}', 1],
  ["{'a': 1}", 1],
  ['[1, .5]', 4],
  ['NaN', 0],
];

describe('findJsonError', () => {
  it('finds nothing wrong where JSON.parse succeeds', () => {
    for (const text of VALID) {
      expect(() => JSON.parse(text) as unknown).not.toThrow();
      expect(findJsonError(text), text).toBeNull();
    }
  });

  it('finds the offending position where JSON.parse fails', () => {
    for (const [text, position] of INVALID) {
      expect(() => JSON.parse(text) as unknown, text).toThrow();
      expect(findJsonError(text)?.position, text).toBe(position);
    }
  });

  it('turns the failure into one plain sentence without echoing the file', () => {
    const secret = `{"password": "hunter2" oops}`;
    const result = parseJsonDocument(secret);
    expect(result).toEqual({ ok: false, message: "not valid JSON: Expected ',' or '}' after a property value, found 'o' at position 23 (line 1, column 24)" });
  });

  it('reads a byte-order mark as no part of the JSON', () => {
    expect(parseJsonDocument('\ufeff{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
