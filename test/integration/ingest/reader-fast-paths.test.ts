import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '@shared/parsers/types';
import { chooseEncoding, createTextDecoder, iconvDecoder } from '../../../electron/core/ingest/read/decode';
import { lastRecordBreak, readDelimited, sniffDelimiter } from '../../../electron/core/ingest/read/delimited';
import { useTempDirs } from '../../support/temp-dir';

/**
 * The reader's shortcuts (native decoding, quote-to-quote record cutting, no line counting without quotes, a
 * shorter detector sample) must read every file exactly as the plain way does.
 */

/** The definition: the last LF preceded by an even number of quote characters. */
function lastRecordBreakByDefinition(text: string): number {
  let quotes = 0;
  let last = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quotes += 1;
    else if (text[i] === '\n' && quotes % 2 === 0) last = i;
  }
  return last;
}

function randomText(seed: number, length: number): string {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const alphabet = ['a', ',', '"', '\n', '\r', '\t', '交'];
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)] ?? '';
  return text;
}

async function readAll(file: string, chunkBytes: number, delimiter = ','): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of readDelimited({ file, displayName: 'test.csv', encoding: 'gb18030', bomLength: 0, delimiter, chunkBytes })) records.push(record);
  return records;
}

describe('record cutting and line numbers', () => {
  const tempDir = useTempDirs();

  it('cuts at the same place as counting every quote, on text full of quotes, CRs and line breaks', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const text = randomText(seed, seed % 60);
      expect(lastRecordBreak(text), JSON.stringify(text)).toBe(lastRecordBreakByDefinition(text));
    }
    expect(lastRecordBreak('a,"b\nc"')).toBe(-1);
    expect(lastRecordBreak('a,"b\nc"\nd')).toBe(7);
  });

  it('numbers lines exactly across chunk boundaries, with and without quoted line breaks', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => (i % 50 === 7 ? `${i},"两行\r\n的备注",x` : `${i},交易${i},x`));
    const file = join(tempDir(), 'mixed.csv');
    writeFileSync(file, iconv.encode(`${rows.join('\r\n')}\r\n`, 'gb18030'));
    const plain = join(tempDir(), 'plain.csv');
    writeFileSync(plain, iconv.encode(`${rows.filter((_, i) => i % 50 !== 7).join('\n')}\n`, 'gb18030'));
    for (const chunkBytes of [7, 64, 4096]) {
      const mixed = await readAll(file, chunkBytes);
      expect(mixed).toHaveLength(400);
      // each quoted cell holds one line break, so every such row pushes the following ones down a line
      expect(mixed[7]).toEqual({ sheet: '', line: 8, cells: ['7', '两行\n的备注', 'x'] });
      expect(mixed[8]?.line).toBe(10);
      expect(mixed[399]).toEqual({ sheet: '', line: 408, cells: ['399', '交易399', 'x'] });
      const lines = (await readAll(plain, chunkBytes)).map((record) => record.line);
      expect(lines).toEqual(Array.from({ length: 392 }, (_, i) => i + 1));
    }
  });

  it('sniffs the delimiter from the first twenty lines that are not blank', () => {
    const padded = ['交易卡号\t,交易时间\t,交易金额\t', '', '6222\t,20240101\t,1.00\t'].join('\r\n');
    expect(sniffDelimiter(padded, 'a.csv')).toBe(',');
    expect(sniffDelimiter(['a\tb\tc', '1\t2\t3', '4\t5\t6'].join('\n'), 'a.txt')).toBe('\t');
    // only the first twenty count: what follows may be anything
    const head = Array.from({ length: 20 }, (_, i) => `${i};x;y`);
    expect(sniffDelimiter([...head, ...Array.from({ length: 100 }, () => 'a,b')].join('\r\n'), 'a.csv')).toBe(';');
  });
});

describe('decoding', () => {
  const text = '交易卡号,交易时间,对手户名\r\n6222,2024-01-01 10:00:00,支付宝（中国）网络技术有限公司 ¥ 𠀀 €\r\n';

  it('decodes GB18030 as iconv-lite does, however the bytes are chunked (characters split across chunks included)', () => {
    const bytes = iconv.encode(text, 'gb18030');
    for (const size of [1, 2, 3, 5, 1024]) {
      const decoder = createTextDecoder('gb18030');
      let out = '';
      for (let i = 0; i < bytes.length; i += size) out += decoder.write(bytes.subarray(i, i + size));
      out += decoder.end();
      expect(out).toBe(text);
      expect(out).toBe(iconv.decode(bytes, 'gb18030'));
    }
  });

  it('reads the GB18030-2022 code points where GB18030-2005 used the private-use area', () => {
    // GB18030-2022 maps A6D9 to U+FE10 (vertical comma); the 2005 edition, which iconv-lite follows, to U+E78D (private use)
    const decoder = createTextDecoder('gb18030');
    expect(decoder.write(Buffer.from([0xa6, 0xd9])) + decoder.end()).toBe('\ufe10');
    const fallback = iconvDecoder('gb18030');
    expect(fallback.write(Buffer.from([0xa6, 0xd9])) + fallback.end()).toBe('\ue78d');
  });

  it('decodes UTF-16 and Big5 chunk by chunk', () => {
    for (const encoding of ['utf-16le', 'utf-16be', 'big5'] as const) {
      const sample = encoding === 'big5' ? '交易時間,對手戶名,臺灣銀行\r\n' : text;
      const bytes = iconv.encode(sample, encoding);
      const decoder = createTextDecoder(encoding);
      let out = '';
      for (let i = 0; i < bytes.length; i += 3) out += decoder.write(bytes.subarray(i, i + 3));
      expect(out + decoder.end()).toBe(sample);
    }
  });

  it('still tells Big5 from GB18030 when the first 4 KB alone would settle on GB18030 too quickly', () => {
    const traditional = '臺灣銀行營業部於民國一百一十三年辦理轉帳交易，對方帳戶為個人儲蓄存款，備註為貨款與運費結算。';
    const simplified = '中国工商银行营业部办理转账交易，对方账户为个人储蓄存款，备注为货款与运费结算。';
    const big5 = iconv.encode(Array.from({ length: 200 }, () => traditional).join('\r\n'), 'big5');
    const gb = iconv.encode(Array.from({ length: 200 }, () => simplified).join('\r\n'), 'gb18030');
    expect(big5.length).toBeGreaterThan(16 * 1024);
    expect(chooseEncoding(big5, true).encoding).toBe('big5');
    expect(chooseEncoding(gb, true).encoding).toBe('gb18030');
    // a short sample takes the full detector path
    expect(chooseEncoding(gb.subarray(0, 2000), false).encoding).toBe('gb18030');
  });
});
