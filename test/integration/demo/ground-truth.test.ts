import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/core/demo/generate';
import type { GroundTruth } from '../../../electron/core/demo/truth-types';
import type { ReadRow } from './read-back';
import { lineOf, readAll } from './read-back';

let dir = '';
let gt: GroundTruth;
let rows: ReadRow[] = [];
let noData: { file: string; line: number; key: string; reason: string }[] = [];
let files: string[] = [];
const accountOf = new Map<string, string>();
const byPlace = new Map<string, ReadRow & { account: string }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chainsight-demo-gt-'));
  // DEMO_GT_SEED / DEMO_GT_TXNS let a developer run the same reconciliation on other seeds and sizes
  await generateDemo({ dir, seed: Number(process.env.DEMO_GT_SEED ?? 11), txns: Number(process.env.DEMO_GT_TXNS ?? 6_000) });
  gt = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as GroundTruth;
  for (const a of gt.accounts) {
    if (!a.subject) continue;
    if (a.channel === 'bank') {
      if (a.card) accountOf.set(`bank|${a.card}`, a.id);
      accountOf.set(`bank|${a.printedNumber}`, a.id);
    } else accountOf.set(`${a.channel}|${a.number}`, a.id);
  }
  const read = readAll(dir);
  rows = read.rows;
  noData = read.noData;
  files = read.files;
  for (const r of rows) {
    const account = accountOf.get(`${r.channel}|${r.key}`) ?? accountOf.get(`${r.channel}|${r.keyAlt}`) ?? '';
    byPlace.set(`${r.file}:${r.line}`, { ...r, account });
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const place = (file: string, line: number): (ReadRow & { account: string }) | undefined => byPlace.get(`${file}:${line}`);

describe('ground truth reconciles with the files it describes (read back without the importers)', () => {
  it('lists every file with its size and SHA-256, and nothing else exists', () => {
    const listed = new Map(gt.files.map((f) => [f.path, f]));
    expect(new Set(files)).toEqual(new Set([...listed.keys(), 'ground-truth.json']));
    for (const f of files) {
      if (f === 'ground-truth.json') continue;
      const buf = readFileSync(join(dir, f));
      expect(listed.get(f)?.sha256, f).toBe(createHash('sha256').update(buf).digest('hex'));
      expect(listed.get(f)?.bytes, f).toBe(buf.length);
    }
  });

  it('every row belongs to a known subject account', () => {
    const orphans = [...byPlace.values()].filter((r) => r.account === '');
    expect(orphans.slice(0, 3)).toEqual([]);
    expect(rows.length).toBe(gt.totals.transactions);
  });

  it('recomputes per-account totals: rows, failed, duplicates, and in/out of successful non-duplicate rows', () => {
    const mine = new Map<string, { rows: number; failed: number; duplicates: number; inMinor: number; outMinor: number }>();
    const seen = new Set<string>();
    for (const r of byPlace.values()) {
      const t = mine.get(r.account) ?? { rows: 0, failed: 0, duplicates: 0, inMinor: 0, outMinor: 0 };
      t.rows++;
      if (!r.ok) t.failed++;
      const key = `${r.account}|${r.id}`;
      if (seen.has(key)) t.duplicates++;
      else {
        seen.add(key);
        if (r.ok) {
          if (r.dir > 0) t.inMinor += r.amountMinor;
          else t.outMinor += r.amountMinor;
        }
      }
      mine.set(r.account, t);
    }
    const expected = new Map(gt.accountTotals.map((t) => [t.account, { rows: t.rows, failed: t.failed, duplicates: t.duplicates, inMinor: t.inMinor, outMinor: t.outMinor }]));
    expect(mine).toEqual(expected);
    let sumIn = 0;
    let sumOut = 0;
    for (const t of mine.values()) {
      sumIn += t.inMinor;
      sumOut += t.outMinor;
    }
    expect({ CNY: sumIn }).toEqual(gt.totals.sumInMinor);
    expect({ CNY: sumOut }).toEqual(gt.totals.sumOutMinor);
  });

  it('finds every planted transfer leg at its file and line, with its id, account, direction and amount', () => {
    let legs = 0;
    for (const t of gt.transfers) {
      for (const leg of t.legs) {
        expect(leg.occurrences.length, `${t.id} ${leg.direction}`).toBeGreaterThan(0);
        for (const o of leg.occurrences) {
          const r = place(o.file, o.line);
          expect(r, `${t.id} at ${o.file}:${o.line}`).toBeDefined();
          expect({ id: r?.id, account: r?.account, dir: r?.dir, amount: r?.amountMinor, ok: r?.ok }).toEqual({ id: leg.id, account: leg.account, dir: leg.direction === 'in' ? 1 : -1, amount: t.amountMinor, ok: true });
          legs++;
        }
      }
    }
    expect(legs).toBeGreaterThan(200);
  });

  it('marks exactly the repeated rows as duplicates, each pointing at the original', () => {
    // rows of one account with one id: all but one are duplicates (which one stays the original is the writer's choice)
    const groups = new Map<string, string[]>();
    for (const r of byPlace.values()) {
      const key = `${r.account}|${r.id}`;
      groups.set(key, [...(groups.get(key) ?? []), `${r.file}:${r.line}`]);
    }
    const repeated = [...groups.values()].filter((places) => places.length > 1);
    expect(gt.duplicates.length).toBeGreaterThan(0);
    expect(gt.totals.duplicates).toBe(repeated.reduce((n, places) => n + places.length - 1, 0));
    const duplicatePlaces = new Set(gt.duplicates.map((d) => `${d.row.file}:${d.row.line}`));
    expect(duplicatePlaces.size).toBe(gt.duplicates.length);
    for (const places of repeated) expect(places.filter((p) => !duplicatePlaces.has(p))).toHaveLength(1);
    for (const d of gt.duplicates) {
      const a = place(d.row.file, d.row.line);
      const b = place(d.duplicateOf.file, d.duplicateOf.line);
      expect(a?.id).toBe(b?.id);
      expect(a?.amountMinor).toBe(b?.amountMinor);
      expect(d.duplicateOf.file).not.toBe(d.row.file);
      expect(duplicatePlaces.has(`${d.duplicateOf.file}:${d.duplicateOf.line}`)).toBe(false);
    }
  });

  it('lists every row the bank marked unsuccessful', () => {
    const failed = [...byPlace.values()].filter((r) => !r.ok).map((r) => `${r.file}:${r.line}`);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(gt.failedRows.map((f) => `${f.row.file}:${f.row.line}`))).toEqual(new Set(failed));
    expect(gt.noDataRows.map((n) => `${n.file}:${n.line}`)).toEqual(noData.map((n) => `${n.file}:${n.line}`));
  });

  it('finds exactly the planted balance breaks by running balance continuity (failed rows skipped)', () => {
    const found: string[] = [];
    const last = new Map<string, ReadRow>();
    for (const r of rows) {
      if (r.balanceMinor === null || !r.ok) continue;
      const k = `${r.file}|${r.key}`;
      const prev = last.get(k);
      if (prev && prev.balanceMinor !== null && prev.balanceMinor + r.dir * r.amountMinor !== r.balanceMinor) found.push(`${r.file}:${r.line}`);
      last.set(k, r);
    }
    expect(gt.balanceBreaks.length).toBe(1);
    expect(found).toEqual(gt.balanceBreaks.map((b) => `${b.file}:${b.line}`));
    for (const b of gt.balanceBreaks) {
      const r = place(b.file, b.line);
      expect(r && r.balanceMinor !== null ? r.balanceMinor - r.dir * r.amountMinor - b.previousBalanceMinor : null).toBe(b.missingNetMinor);
      expect(rows.some((x) => b.missingIds.includes(x.id) && place(x.file, x.line)?.account === b.account)).toBe(false);
    }
  });

  it('mirror pairs are the two legs of one transfer in two statements', () => {
    expect(gt.mirrorPairs.length).toBeGreaterThan(20);
    expect(gt.mirrorPairs.some((m) => m.sharedId)).toBe(true);
    for (const m of gt.mirrorPairs) {
      const o = place(m.out.file, m.out.line);
      const i = place(m.in.file, m.in.line);
      expect([o?.dir, i?.dir, o?.amountMinor, i?.amountMinor, o?.account, i?.account]).toEqual([-1, 1, m.amountMinor, m.amountMinor, m.out.account, m.in.account]);
    }
  });

  it('chat messages that mirror transfers and amounts say what the ground truth says', () => {
    const transfers = new Map(gt.transfers.map((t) => [t.id, t]));
    const links = gt.chats.transferMessages;
    expect(links.filter((l) => l.kind === 'transfer').length).toBeGreaterThan(3);
    expect(links.some((l) => l.kind === 'red-packet')).toBe(true);
    for (const l of links) {
      const t = transfers.get(l.transfer);
      expect(t?.amountMinor).toBe(l.amountMinor);
      if (l.kind !== 'mention') expect(t?.channel).toBe('tenpay');
      if (l.message.line !== null) {
        const text = lineOf(dir, l.message.file, l.message.line);
        if (l.kind === 'transfer') expect(text).toContain(`¥${Math.floor(l.amountMinor / 100)}.${String(l.amountMinor % 100).padStart(2, '0')}`);
        if (l.kind === 'red-packet') expect(text).toContain('[红包]');
      }
    }
    for (const m of gt.chats.amountMentions.filter((x) => x.message.line !== null)) {
      const text = lineOf(dir, m.message.file, m.message.line ?? 0);
      // the mention sits on the message's first line or on a continuation line of a multi-line message
      const nearby = [0, 1, 2, 3, 4, 5].map((k) => lineOf(dir, m.message.file, (m.message.line ?? 0) + k)).join('\n');
      expect(text.length > 0 && nearby.includes(m.text), `${m.text} in ${m.message.file}:${m.message.line}`).toBe(true);
    }
    for (const tpl of gt.chats.templates) expect(tpl.messages.length).toBeGreaterThan(3);
  });

  it('pass-through hops chain from the seed account and keep or forward every 分', () => {
    expect(gt.passThrough.length).toBeGreaterThan(3);
    const transfers = new Map(gt.transfers.map((t) => [t.id, t]));
    for (const p of gt.passThrough) {
      expect(p.hops[0]?.from).toBe(p.seedAccount);
      expect(p.hops[0]?.amountMinor).toBe(p.seedAmountMinor);
      const retained = Object.values(p.retainedMinor).reduce((s, v) => s + v, 0);
      expect(retained).toBe(p.seedAmountMinor);
      p.hops.forEach((h, i) => {
        if (i > 0) expect(h.from).toBe(p.hops[i - 1]?.to);
        const t = transfers.get(h.txns[0] ?? '');
        expect([t?.from, t?.to, t?.amountMinor]).toEqual([h.from, h.to, h.amountMinor]);
      });
    }
  });
});
