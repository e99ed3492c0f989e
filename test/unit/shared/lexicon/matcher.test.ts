import { describe, expect, it } from 'vitest';
import lexiconJson from '../../../../resources/lexicon/default.json';
import { InvalidLexiconError, assertLexicon, compileLexicon } from '../../../../shared/lexicon';
import type { Hit, Lexicon, LexiconTerm } from '../../../../shared/lexicon';
import { foldTerm } from '../../../../shared/lexicon/fold';
import { expandPlaceholders } from '../../../../shared/lexicon/placeholders';

const term = (text: string, weight = 0.5, variants?: string[]): LexiconTerm => ({
  term: text,
  ...(variants ? { variants } : {}),
  weight,
  gloss: { en: text },
});

function lexiconOf(groups: Record<string, LexiconTerm[]>): Lexicon {
  return {
    version: 'test',
    groups: Object.entries(groups).map(([id, terms]) => ({ id, name: { zh: id, en: id }, terms })),
  };
}

const brief = (hits: Hit[]) => hits.map((h) => [h.group, h.term, h.start, h.end, h.text]);

describe('compileLexicon(…).match', () => {
  const matcher = compileLexicon(
    lexiconOf({
      surrender: [term('全额退保', 0.95, ['退全额']), term('退保'), term('保单', 0.15)],
      debt: [term('停息挂账', 0.95, ['停息挂帐']), term('挂账期'), term('{n}折解债', 0.9), term('解债')],
      loan: [term('AB贷', 0.95), term('PS', 0.35), term('P图'), term('12378'), term('T+0'), term('POS', 0.3, ['POS机'])],
      fees: [term('分成', 0.4)],
      claims: [term('分成', 0.35)],
      crossing: [term('甲乙丙'), term('丙丁戊')],
    }),
  );

  it('reports spans into the original text, the canonical term and the spelling as written', () => {
    expect(brief(matcher.match('帮你停息挂帐，然后退全额'))).toEqual([
      ['debt', '停息挂账', 2, 6, '停息挂帐'],
      ['surrender', '全额退保', 9, 12, '退全额'],
    ]);
  });

  it('lets the longest of overlapping terms win, then the leftmost of equally long ones', () => {
    expect(brief(matcher.match('全额退保单'))).toEqual([['surrender', '全额退保', 0, 4, '全额退保']]);
    expect(brief(matcher.match('停息挂账期'))).toEqual([['debt', '停息挂账', 0, 4, '停息挂账']]);
    expect(brief(matcher.match('甲乙丙丁戊'))).toEqual([['crossing', '甲乙丙', 0, 3, '甲乙丙']]);
    expect(brief(matcher.match('退保退保单'))).toEqual([
      ['surrender', '退保', 0, 2, '退保'],
      ['surrender', '退保', 2, 4, '退保'],
    ]);
  });

  it('gives a word listed in two groups one hit per group on the same span', () => {
    expect(brief(matcher.match('赔款三七分成'))).toEqual([
      ['fees', '分成', 4, 6, '分成'],
      ['claims', '分成', 4, 6, '分成'],
    ]);
  });

  it.each([
    ['ＡＢ贷', 'AB贷'],
    ['ab贷', 'AB贷'],
    ['Ａｂ贷', 'AB贷'],
    ['ｐｏｓ机', 'POS'],
    ['１２３７８', '12378'],
    ['ｔ＋０', 'T+0'],
  ])('folds width and case: %s', (text, expected) => {
    expect(brief(matcher.match(text))).toEqual([['loan', expected, 0, text.length, text]]);
  });

  it('steps over invisible characters inside a word (zero-width space, RTL override, BOM)', () => {
    for (const text of ['停\u200b息挂账', '停息\u202e挂账', '停\ufeff息\u2066挂账']) {
      expect(brief(matcher.match(`先${text}`))).toEqual([['debt', '停息挂账', 1, 1 + text.length, text]]);
    }
  });

  it('matches ASCII terms only as whole words', () => {
    for (const text of ['GPS定位', 'https://example.com', 'APP图标', '13912378000', 'purpose', 'ABS贷', 'T+01']) {
      expect(matcher.match(text)).toEqual([]);
    }
    expect(brief(matcher.match('PS一下'))).toEqual([['loan', 'PS', 0, 2, 'PS']]);
    expect(brief(matcher.match('拨打12378'))).toEqual([['loan', '12378', 2, 7, '12378']]);
    expect(brief(matcher.match('有pos机吗'))).toEqual([['loan', 'POS', 1, 5, 'pos机']]);
  });

  it.each([
    ['5折解债', 0],
    ['五折解债', 0],
    ['两折解债', 0],
    ['４折解债', 0],
    ['3.5折解债', 0],
    ['三点五折解债', 0],
    ['只要5折解债', 2],
  ])('{n} stands for any numeral, and the hit covers the whole number: %s', (text, start) => {
    expect(brief(matcher.match(text))).toEqual([['debt', '{n}折解债', start, text.length, text.slice(start)]]);
  });

  it('does not read a non-numeral for {n}', () => {
    expect(brief(matcher.match('打折解债'))).toEqual([['debt', '解债', 2, 4, '解债']]);
  });

  it('survives hostile input', () => {
    const long = '停息挂账'.repeat(25_000);
    const hits = matcher.match(long);
    expect(hits).toHaveLength(25_000);
    expect(hits.at(-1)).toMatchObject({ start: 99_996, end: 100_000 });
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('\u202e\u200b\ufeff'.repeat(1000))).toEqual([]);
    expect(brief(matcher.match('\ud800停息挂账\udc00\udbff'))).toEqual([['debt', '停息挂账', 1, 5, '停息挂账']]);
    // text shown reversed by an RTL override is matched as stored, not as displayed
    expect(() => matcher.match('\u202e账挂息停\u202c\u202d')).not.toThrow();
    expect(matcher.match('A'.repeat(100_000))).toEqual([]);
  });

  it('throws InvalidLexiconError for a malformed lexicon', () => {
    expect(() => compileLexicon(lexiconOf({ Bad: [term('退保')] }))).toThrow(InvalidLexiconError);
  });
});

describe('matching random text with the default lexicon', () => {
  const lexicon = assertLexicon(lexiconJson);
  const matcher = compileLexicon(lexicon);
  const spellingsOf = new Map<string, Set<string>>();
  for (const group of lexicon.groups) {
    for (const t of group.terms) {
      const key = `${group.id}:${t.term}`;
      const forms = new Set<string>();
      for (const spelling of [t.term, ...(t.variants ?? [])]) for (const form of expandPlaceholders(spelling)) forms.add(foldTerm(form));
      spellingsOf.set(key, forms);
    }
  }
  const pieces = [...spellingsOf.values()].flatMap((s) => [...s]).flatMap((w) => [w, w.slice(0, 2), w.slice(1)]);
  pieces.push('，', '我', 'ＡＢ', '\u200b', '\ud800', '3.', '好的', ' ');

  it('keeps hits in text order, inside the text, never overlapping, each a spelling of its term', () => {
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('');
      const hits = matcher.match(text);
      let previous: Hit | undefined;
      for (const hit of hits) {
        expect(text.slice(hit.start, hit.end)).toBe(hit.text);
        if (previous && !(previous.start === hit.start && previous.end === hit.end)) {
          expect(hit.start).toBeGreaterThanOrEqual(previous.end);
        }
        const forms = spellingsOf.get(`${hit.group}:${hit.term}`);
        const written = foldTerm(hit.text);
        const isForm = forms?.has(written) === true || [...(forms ?? [])].some((f) => hit.term.startsWith('{n}') && written.endsWith(f.slice(1)));
        expect(isForm).toBe(true);
        previous = hit;
      }
    }
  });
});
