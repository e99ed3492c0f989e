import { z } from 'zod';
import { foldTerm, isInvisible } from './fold';
import { MAX_PLACEHOLDERS, NUMERAL_PLACEHOLDER, countPlaceholders, expandPlaceholders } from './placeholders';
import type { Lexicon } from './types';

/** Longest term or variant accepted, in UTF-16 units (`{n}` counted as written). */
export const MAX_TERM_LENGTH = 40;
/** Literal forms (after `{n}` expansion) a lexicon may compile to; keeps an edited lexicon from exhausting memory. */
export const MAX_LITERAL_FORMS = 100_000;

/** One problem found in a lexicon, worded for the investigator who edited it. */
export interface LexiconIssue {
  /** Where, as a path into the JSON: `groups[2].terms[5].weight`. */
  path: string;
  /** The same place by name where the data allows: `anti-collection › 停息挂账 › weight`. */
  label: string;
  message: string;
}

export type LexiconParseResult = { ok: true; lexicon: Lexicon } | { ok: false; issues: LexiconIssue[] };

export class InvalidLexiconError extends Error {
  readonly issues: readonly LexiconIssue[];
  constructor(issues: readonly LexiconIssue[]) {
    const shown = issues.slice(0, 3).map((issue) => `${issue.label}: ${issue.message}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super(`Invalid lexicon: ${shown.join('; ')}${more}`);
    this.name = 'InvalidLexiconError';
    this.issues = issues;
  }
}

/** Why a term or variant cannot be used as written, or null. */
export function termProblem(value: string): string | null {
  if (value.trim() === '') return 'is empty';
  if (value.trim() !== value) return 'has spaces at the start or end';
  if (value.length > MAX_TERM_LENGTH) return `is longer than ${MAX_TERM_LENGTH} characters`;
  if (/\p{Cs}/u.test(value)) return 'contains a broken (lone surrogate) character';
  if (/\p{Cc}/u.test(value)) return 'contains a control character';
  for (let i = 0; i < value.length; i++) {
    if (isInvisible(value.charCodeAt(i))) return 'contains an invisible character (the matcher ignores these in text)';
  }
  if (/[|/、,，;；]/.test(value)) return 'looks like a list of spellings; put each alternative in "variants"';
  if (value.includes('\\')) return 'contains "\\": terms are literal text, not regular expressions';
  const withoutPlaceholders = value.split(NUMERAL_PLACEHOLDER).join('');
  if (/[{}]/.test(withoutPlaceholders)) return 'uses braces other than {n} (the only wildcard: one numeral)';
  if (countPlaceholders(value) > MAX_PLACEHOLDERS) return `uses {n} more than ${MAX_PLACEHOLDERS} times`;
  if (foldTerm(withoutPlaceholders).trim() === '') return 'has no text besides {n}';
  return null;
}

const TermText = z.string().superRefine((value, ctx) => {
  const problem = termProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const NonEmpty = z.string().trim().min(1, 'must not be empty').max(500, 'is longer than 500 characters');

const TermSchema = z.strictObject({
  term: TermText,
  variants: z.array(TermText).max(200, 'has more than 200 variants').optional(),
  weight: z.number('must be a number').min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  gloss: z.strictObject({ en: NonEmpty, zh: NonEmpty.optional() }),
});

const GroupSchema = z.strictObject({
  id: z
    .string('must be text')
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case ASCII letters, digits or hyphens, starting with a letter'),
  name: z.strictObject({ zh: NonEmpty, en: NonEmpty }),
  terms: z.array(TermSchema).min(1, 'must list at least one term'),
});

export const LexiconSchema = z
  .strictObject({
    version: z.string('must be text').trim().min(1, 'must not be empty').max(64, 'is longer than 64 characters'),
    description: z.string().max(2000, 'is longer than 2000 characters').optional(),
    groups: z.array(GroupSchema).min(1, 'must list at least one group'),
  })
  .superRefine((lexicon, ctx) => {
    const seenGroups = new Map<string, number>();
    let literalForms = 0;
    lexicon.groups.forEach((group, g) => {
      const firstIndex = seenGroups.get(group.id);
      if (firstIndex !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['groups', g, 'id'], message: `repeats the id of groups[${firstIndex}]` });
      } else seenGroups.set(group.id, g);
      // Two spellings that match the same text inside one group would make the reported term arbitrary.
      const owner = new Map<string, string>();
      group.terms.forEach((term, t) => {
        const spellings = [term.term, ...(term.variants ?? [])];
        spellings.forEach((spelling, s) => {
          const path = s === 0 ? ['groups', g, 'terms', t, 'term'] : ['groups', g, 'terms', t, 'variants', s - 1];
          for (const literal of expandPlaceholders(spelling)) {
            literalForms++;
            const key = foldTerm(literal);
            const previous = owner.get(key);
            if (previous === undefined) {
              owner.set(key, term.term);
              continue;
            }
            const whose = previous === term.term ? 'another spelling of this term' : `term "${previous}"`;
            ctx.addIssue({
              code: 'custom',
              path,
              message: `"${spelling}" matches the same text as ${whose} (case and full-width forms count as the same)`,
            });
            break;
          }
        });
      });
    });
    if (literalForms > MAX_LITERAL_FORMS) {
      ctx.addIssue({
        code: 'custom',
        path: ['groups'],
        message: `expands to ${literalForms} literal forms, more than the ${MAX_LITERAL_FORMS} allowed`,
      });
    }
  });

/** Checks a lexicon read from JSON (or edited in the UI); never throws. */
export function parseLexicon(input: unknown): LexiconParseResult {
  const result = LexiconSchema.safeParse(input);
  if (result.success) return { ok: true, lexicon: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      label: labelPath(input, issue.path),
      message: issue.message,
    })),
  };
}

/** Like `parseLexicon`, but throws `InvalidLexiconError` listing the problems. */
export function assertLexicon(input: unknown): Lexicon {
  const result = parseLexicon(input);
  if (!result.ok) throw new InvalidLexiconError(result.issues);
  return result.lexicon;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(lexicon)' : out;
}

/** Replaces `groups[i]` and `terms[j]` by the group id and term where those are readable in the input. */
function labelPath(input: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = input;
  path.forEach((part, i) => {
    const next = isRecord(node) ? node[String(part)] : undefined;
    const parent = path[i - 1];
    if (typeof part !== 'number') parts.push(String(part));
    else if (parent === 'groups' || parent === 'terms') {
      const name = readString(next, parent === 'groups' ? 'id' : 'term');
      if (name !== undefined) parts[parts.length - 1] = name;
      else parts[parts.length - 1] += `[${part}]`;
    } else if (parts.length > 0) parts[parts.length - 1] += `[${part}]`;
    else parts.push(`[${part}]`);
    node = next;
  });
  return parts.length === 0 ? 'lexicon' : parts.join(' › ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readString(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}
