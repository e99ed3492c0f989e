import { Fragment, useMemo, type ReactNode } from 'react';
import type { TextSpan } from '@shared/domain';
import { segmentText, type Part } from './text-spans';

/** Names a lexicon group or a mention kind for a hover title. */
export type DescribeSpan = (kind: 'lexicon' | 'mention', label: string) => string;

function renderPart(text: string, part: Part, describe: DescribeSpan): ReactNode {
  const slice = text.slice(part.start, part.end);
  if (part.lexicon.length === 0 && part.mention.length === 0) return <Fragment key={part.start}>{slice}</Fragment>;
  const className = [part.lexicon.length > 0 ? 'hit-lexicon' : '', part.mention.length > 0 ? 'hit-mention' : ''].filter(Boolean).join(' ');
  const title = [...part.lexicon.map((label) => describe('lexicon', label)), ...part.mention.map((label) => describe('mention', label))].join(' · ');
  return (
    <span key={part.start} className={className} title={title} data-lexicon={part.lexicon.join(' ') || undefined} data-mention={part.mention.join(' ') || undefined}>
      {slice}
    </span>
  );
}

/**
 * Seized text with its hits marked, built only from string slices and React elements (never parsed as HTML):
 * search hits in <mark>, lexicon hits and identifiers in styled spans whose title names the group or kind.
 */
export function Highlighted({
  text,
  spans,
  from = 0,
  to = text.length,
  describe,
}: {
  text: string;
  spans: readonly TextSpan[];
  from?: number;
  to?: number;
  describe: DescribeSpan;
}) {
  const segments = useMemo(() => segmentText(text.length, spans, from, to), [text.length, spans, from, to]);
  return (
    <>
      {segments.map((segment) => {
        const inner = segment.parts.map((part) => renderPart(text, part, describe));
        return segment.search ? <mark key={segment.start}>{inner}</mark> : <Fragment key={segment.start}>{inner}</Fragment>;
      })}
    </>
  );
}
