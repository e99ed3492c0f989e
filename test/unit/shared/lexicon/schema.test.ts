import { describe, expect, it } from 'vitest';
import lexiconJson from '../../../../resources/lexicon/default.json';
import { InvalidLexiconError, assertLexicon, parseLexicon } from '../../../../shared/lexicon';
import type { LexiconIssue } from '../../../../shared/lexicon';

interface RawTerm {
  term: string;
  variants?: string[];
  weight: unknown;
  gloss?: unknown;
  [field: string]: unknown;
}
interface RawLexicon {
  version?: unknown;
  groups: { id: string; name: unknown; terms: RawTerm[] }[];
}

/** A small valid lexicon as plain JSON, to break one field at a time. */
function sample(): RawLexicon {
  return {
    version: '1',
    groups: [
      {
        id: 'fees',
        name: { zh: '费用', en: 'Fees' },
        terms: [
          { term: '定金', weight: 0.4, gloss: { en: 'deposit' } },
          { term: '成功后付款', variants: ['成功后付费'], weight: 0.65, gloss: { en: 'pay after success' } },
        ],
      },
      {
        id: 'anti-collection',
        name: { zh: '反催收', en: 'Anti-collection' },
        terms: [{ term: '停息挂账', variants: ['停息挂帐'], weight: 0.95, gloss: { en: 'freeze interest' } }],
      },
    ],
  };
}

type Mutate = (lexicon: RawLexicon) => void;

function group(lexicon: RawLexicon, g: number): RawLexicon['groups'][number] {
  const found = lexicon.groups[g];
  if (found === undefined) throw new Error(`no group ${g}`);
  return found;
}

function termAt(lexicon: RawLexicon, g: number, t: number): RawTerm {
  const found = group(lexicon, g).terms[t];
  if (found === undefined) throw new Error(`no term ${g}/${t}`);
  return found;
}

function issuesAfter(mutate: Mutate): LexiconIssue[] {
  const lexicon = sample();
  mutate(lexicon);
  const result = parseLexicon(lexicon);
  if (result.ok) throw new Error('expected the lexicon to be rejected');
  return result.issues;
}

describe('parseLexicon', () => {
  it('accepts the shipped default lexicon and the sample', () => {
    expect(parseLexicon(lexiconJson).ok).toBe(true);
    expect(parseLexicon(sample())).toMatchObject({ ok: true, lexicon: { version: '1' } });
  });

  it.each<[string, Mutate, string, string, RegExp]>([
    ['a weight above 1', (l) => (termAt(l, 0, 0).weight = 1.5), 'groups[0].terms[0].weight', 'fees › 定金 › weight', /between 0 and 1/],
    ['a weight given as text', (l) => (termAt(l, 0, 0).weight = '0.5'), 'groups[0].terms[0].weight', 'fees › 定金 › weight', /must be a number/],
    ['a misspelt field', (l) => (termAt(l, 0, 0).wieght = 0.4), 'groups[0].terms[0]', 'fees › 定金', /wieght/],
    ['a missing gloss', (l) => delete termAt(l, 1, 0).gloss, 'groups[1].terms[0].gloss', 'anti-collection › 停息挂账 › gloss', /object/],
    ['a group id with capitals', (l) => (group(l, 0).id = 'Fees'), 'groups[0].id', 'Fees › id', /lower-case ASCII/],
    ['a repeated group id', (l) => (group(l, 1).id = 'fees'), 'groups[1].id', 'fees › id', /repeats the id of groups\[0\]/],
    ['a group without terms', (l) => (group(l, 1).terms = []), 'groups[1].terms', 'anti-collection › terms', /at least one term/],
    ['no groups', (l) => (l.groups = []), 'groups', 'groups', /at least one group/],
    ['a missing version', (l) => delete l.version, 'version', 'version', /text/],
    ['alternatives written with a slash', (l) => (termAt(l, 0, 0).term = '提成/抽成'), 'groups[0].terms[0].term', 'fees › 提成/抽成 › term', /variants/],
    ['alternatives written with a bar', (l) => (termAt(l, 0, 1).variants = ['成功后付费|成功付款']), 'groups[0].terms[1].variants[0]', 'fees › 成功后付款 › variants[0]', /variants/],
    ['a regular expression', (l) => (termAt(l, 0, 0).term = '\\d折解债'), 'groups[0].terms[0].term', 'fees › \\d折解债 › term', /not regular expressions/],
    ['an unknown wildcard', (l) => (termAt(l, 0, 0).term = '{x}折解债'), 'groups[0].terms[0].term', 'fees › {x}折解债 › term', /only wildcard/],
    ['three {n}', (l) => (termAt(l, 0, 0).term = '{n}{n}{n}折'), 'groups[0].terms[0].term', 'fees › {n}{n}{n}折 › term', /more than 2 times/],
    ['nothing but {n}', (l) => (termAt(l, 0, 0).term = '{n}'), 'groups[0].terms[0].term', 'fees › {n} › term', /no text besides/],
    ['an empty term', (l) => (termAt(l, 0, 0).term = ''), 'groups[0].terms[0].term', 'fees › terms[0] › term', /empty/],
    ['spaces around a term', (l) => (termAt(l, 0, 0).term = ' 定金'), 'groups[0].terms[0].term', 'fees ›  定金 › term', /spaces/],
    ['an invisible character', (l) => (termAt(l, 0, 0).term = '定\u200b金'), 'groups[0].terms[0].term', 'fees › 定\u200b金 › term', /invisible/],
    ['a lone surrogate', (l) => (termAt(l, 0, 0).term = '定\ud800'), 'groups[0].terms[0].term', 'fees › 定\ud800 › term', /lone surrogate/],
    ['a term that is too long', (l) => (termAt(l, 0, 0).term = '定'.repeat(41)), 'groups[0].terms[0].term', `fees › ${'定'.repeat(41)} › term`, /longer than 40/],
    ['two terms of one group spelt alike', (l) => (termAt(l, 0, 1).variants = ['定金']), 'groups[0].terms[1].variants[0]', 'fees › 成功后付款 › variants[0]', /term "定金"/],
    ['a variant equal to its term once case is folded', (l) => (termAt(l, 1, 0).variants = ['停息挂账']), 'groups[1].terms[0].variants[0]', 'anti-collection › 停息挂账 › variants[0]', /another spelling of this term/],
    ['a {n} form colliding with a literal one', (l) => (termAt(l, 1, 0).variants = ['{n}折', '5折']), 'groups[1].terms[0].variants[1]', 'anti-collection › 停息挂账 › variants[1]', /same text/],
  ])('rejects %s, saying where and why', (_name, mutate, path, label, message) => {
    const issues = issuesAfter(mutate);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path, label });
    expect(issues[0]?.message).toMatch(message);
  });

  it('rejects input that is not a lexicon object', () => {
    for (const input of [null, [], 'lexicon', 42, undefined]) {
      const result = parseLexicon(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]).toMatchObject({ path: '(lexicon)', label: 'lexicon' });
    }
  });

  it('allows the same word in two groups', () => {
    const lexicon = sample();
    group(lexicon, 1).terms.push({ term: '定金', weight: 0.2, gloss: { en: 'deposit' } });
    expect(parseLexicon(lexicon).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const issues = issuesAfter((l) => {
      termAt(l, 0, 0).weight = -1;
      group(l, 1).id = '';
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['groups[0].terms[0].weight', 'groups[1].id']);
  });
});

describe('assertLexicon', () => {
  it('throws InvalidLexiconError listing the problems', () => {
    const lexicon = sample();
    termAt(lexicon, 0, 0).weight = 2;
    try {
      assertLexicon(lexicon);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidLexiconError);
      expect((error as InvalidLexiconError).message).toBe('Invalid lexicon: fees › 定金 › weight: must be between 0 and 1');
      expect((error as InvalidLexiconError).issues).toHaveLength(1);
    }
  });
});
