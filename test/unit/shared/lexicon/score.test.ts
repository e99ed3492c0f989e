import { describe, expect, it } from 'vitest';
import { HIT_THRESHOLD, PROXIMITY_CHARS, compileLexicon, scoreMessage } from '../../../../shared/lexicon';
import type { Lexicon, LexiconTerm } from '../../../../shared/lexicon';

const term = (text: string, weight: number): LexiconTerm => ({ term: text, weight, gloss: { en: text } });

const lexicon: Lexicon = {
  version: 'test',
  groups: [
    { id: 'fees', name: { zh: '费用', en: 'Fees' }, terms: [term('定金', 0.4), term('成功后付款', 0.65), term('分成', 0.4)] },
    { id: 'surrender', name: { zh: '退保', en: 'Surrender' }, terms: [term('退保', 0.5), term('保单', 0.15), term('全额退保', 0.95)] },
    { id: 'anti-collection', name: { zh: '反催收', en: 'Anti-collection' }, terms: [term('投诉', 0.15), term('逾期', 0.25)] },
    { id: 'claims', name: { zh: '理赔', en: 'Claims' }, terms: [term('分成', 0.35)] },
  ],
};
const matcher = compileLexicon(lexicon);
const score = (text: string) => scoreMessage(matcher.match(text), { text });
const gap = (n: number) => '的'.repeat(n);

describe('scoreMessage', () => {
  it('scores nothing as zero', () => {
    expect(scoreMessage([])).toEqual({ score: 0, groups: {} });
    expect(score('今天天气不错')).toEqual({ score: 0, groups: {} });
  });

  it('keeps a lone everyday word below the threshold and lets a lone piece of jargon reach it', () => {
    expect(score('投诉快递').score).toBeLessThan(HIT_THRESHOLD);
    expect(score('保单到期了吗').score).toBeLessThan(HIT_THRESHOLD);
    expect(score('全额退保').score).toBeGreaterThanOrEqual(HIT_THRESHOLD);
  });

  it('counts a repeated word once', () => {
    expect(score('投诉投诉投诉投诉投诉投诉').score).toBe(score('投诉').score);
  });

  it('scores several distinct words above any one of them', () => {
    const both = score('先交定金，成功后付款').score;
    expect(both).toBeGreaterThan(score('先交定金').score);
    expect(both).toBeGreaterThan(score('成功后付款').score);
    expect(score('逾期了，想投诉').score).toBeGreaterThan(score('逾期了').score);
  });

  it('raises a fee word next to an amount, but not one far from it', () => {
    const alone = score('先交定金吧').score;
    expect(score('先交2000定金吧').score).toBeGreaterThan(alone);
    expect(score('定金两万').score).toBeGreaterThan(alone);
    expect(score(`先交2000${gap(PROXIMITY_CHARS + 5)}定金吧`).score).toBe(alone);
    // a phone number or a date is not an amount
    expect(score('定金的事打13812345678').score).toBe(score('定金的事打电话').score);
  });

  it('raises a fee word next to a typology word more than next to an amount', () => {
    const nearAmount = score('先交2000定金').groups.fees ?? 0;
    const nearTypology = score('退保先交定金').groups.fees ?? 0;
    expect(nearTypology).toBeGreaterThan(nearAmount);
    expect(score(`退保${gap(PROXIMITY_CHARS + 1)}定金`).groups.fees).toBe(score('定金').groups.fees);
    expect(score('退保先交定金').score).toBeGreaterThanOrEqual(HIT_THRESHOLD);
  });

  it('lets words of different groups said together lift each other, within reach only', () => {
    const together = score('投诉保单').score;
    const apart = score(`投诉${gap(PROXIMITY_CHARS + 1)}保单`).score;
    expect(together).toBeGreaterThan(apart);
    // two everyday words are still not enough
    expect(together).toBeLessThan(HIT_THRESHOLD);
  });

  it('does not let a word listed in two groups lift itself', () => {
    const result = score('赔款三七分成');
    expect(Object.keys(result.groups).sort()).toEqual(['claims', 'fees']);
    expect(result.groups.fees).toBe(0.4);
    expect(result.groups.claims).toBe(0.35);
    expect(result.score).toBe(0.4);
  });

  it('reports a score per group with hits, none above the message score', () => {
    const result = score('全额退保，先交定金，逾期的也能办');
    expect(Object.keys(result.groups).sort()).toEqual(['anti-collection', 'fees', 'surrender']);
    for (const value of Object.values(result.groups)) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(result.score);
    }
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('gives the same result for amounts passed in, and for hits in any order', () => {
    const text = '先交2000定金，成功后付款';
    const hits = matcher.match(text);
    const expected = scoreMessage(hits, { text });
    expect(scoreMessage(hits, { amounts: [{ start: 2, end: 6 }] })).toEqual(expected);
    expect(scoreMessage([...hits].reverse(), { text })).toEqual(expected);
    // without the text there is no amount to see
    expect(scoreMessage(hits).score).toBeLessThan(expected.score);
  });

  it('scores a message with tens of thousands of hits like one with each word once', () => {
    const text = '退保2000定金'.repeat(10_000);
    expect(scoreMessage(matcher.match(text), { text })).toEqual(score('退保2000定金'));
  });
});
