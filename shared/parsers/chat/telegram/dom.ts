import { DomHandler, DomUtils, ElementType, Parser } from 'htmlparser2';
import type { parseDocument } from 'htmlparser2';

/**
 * Reading seized HTML and XML as data: htmlparser2 builds a tree (scripts and styles stay inert text nodes, nothing
 * is evaluated or rendered) and these helpers walk it without recursion, so a page nested a hundred thousand levels
 * deep cannot exhaust the stack. Used by the Telegram and QQ HTML exports and WeChat's XML message bodies.
 */

export type MarkupDocument = ReturnType<typeof parseDocument>;
export type MarkupNode = MarkupDocument['children'][number];
export type MarkupElement = ReturnType<typeof DomUtils.getElementsByTagName>[number];
type Parent = MarkupDocument | MarkupElement;

/** Exports nest a dozen levels; past this the file is refused (htmlparser2 slows quadratically with depth). */
export const MAX_MARKUP_DEPTH = 1_000;

class TooDeep extends Error {}

/** DomHandler that stops the parse once elements nest deeper than MAX_MARKUP_DEPTH. */
class DepthLimitedHandler extends DomHandler {
  private depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.depth += 1;
    if (this.depth > MAX_MARKUP_DEPTH) throw new TooDeep();
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth -= 1;
    super.onclosetag();
  }
}

export type ParsedMarkup = { ok: true; doc: MarkupDocument } | { ok: false; reason: string };

function parseMarkup(text: string, xmlMode: boolean): ParsedMarkup {
  const handler = new DepthLimitedHandler(undefined, { withStartIndices: true, xmlMode });
  try {
    new Parser(handler, { xmlMode, decodeEntities: true }).end(text);
  } catch (error) {
    if (error instanceof TooDeep) return { ok: false, reason: `elements nest more than ${MAX_MARKUP_DEPTH.toLocaleString('en-US')} levels deep` };
    throw error;
  }
  return { ok: true, doc: handler.root };
}

export function parseHtml(text: string): ParsedMarkup {
  return parseMarkup(text, false);
}

export function parseXml(text: string): ParsedMarkup {
  return parseMarkup(text, true);
}

export function isElement(node: MarkupNode | MarkupDocument): node is MarkupElement {
  return DomUtils.isTag(node);
}

function childrenOf(node: MarkupNode | MarkupDocument): readonly MarkupNode[] {
  return 'children' in node ? node.children : [];
}

/** Every element under `root` (document order) that satisfies `test`; `stop` prunes a subtree from the search. */
export function findAll(root: Parent, test: (el: MarkupElement) => boolean, stop?: (el: MarkupElement) => boolean): MarkupElement[] {
  const found: MarkupElement[] = [];
  const stack: MarkupNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    if (test(node)) found.push(node);
    if (stop?.(node) === true) continue;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return found;
}

export function findFirst(root: Parent, test: (el: MarkupElement) => boolean): MarkupElement | undefined {
  const stack: MarkupNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    if (test(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const child = node.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return undefined;
}

/** The element children of a node (no text, no comments). */
export function childElements(node: Parent): MarkupElement[] {
  return childrenOf(node).filter(isElement);
}

export function classesOf(el: MarkupElement): string[] {
  return (el.attribs.class ?? '').split(/\s+/).filter((c) => c !== '');
}

export function hasClass(el: MarkupElement, name: string): boolean {
  return classesOf(el).includes(name);
}

export function attr(el: MarkupElement, name: string): string {
  return el.attribs[name] ?? '';
}

/** A link to a file beside the page (`photos/x.jpg`), not a URL, an anchor or a script. */
export function isLocalHref(href: string): boolean {
  return href.trim() !== '' && !/^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href.trim());
}

const BLOCK = new Set(['div', 'p', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article']);

export interface TextOptions {
  /** subtrees left out of the text (quoted replies, placeholders, dates …) */
  skip?: (el: MarkupElement) => boolean;
}

/**
 * The text a reader sees in an HTML subtree: whitespace runs collapse to one space as a browser shows them, `<br>`
 * and block boundaries become line breaks, and each line is trimmed. Scripts, styles and comments give no text.
 */
export function visibleText(root: Parent, options: TextOptions = {}): string {
  let out = '';
  // a block boundary starts a new line unless one was just started (indentation between blocks is only spaces)
  const breakLine = (): void => {
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 32) end--;
    if (end > 0 && out.charCodeAt(end - 1) !== 10) out += '\n';
  };
  type Step = MarkupNode | { close: true };
  const stack: Step[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const step = stack.pop();
    if (step === undefined) continue;
    if ('close' in step) {
      breakLine();
      continue;
    }
    if (DomUtils.isText(step)) {
      out += step.data.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (!isElement(step)) continue;
    if (step.type === ElementType.Script || step.type === ElementType.Style || options.skip?.(step) === true) continue;
    if (step.name === 'br') {
      out += '\n';
      continue;
    }
    if (BLOCK.has(step.name)) {
      breakLine();
      stack.push({ close: true });
    }
    for (let i = step.children.length - 1; i >= 0; i--) {
      const child = step.children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

/** The character data of an XML subtree exactly as written (CDATA included), without markup. */
export function xmlText(root: Parent): string {
  let out = '';
  const stack: MarkupNode[] = [...childrenOf(root)].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) continue;
    if (DomUtils.isText(node)) {
      out += node.data;
      continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return out;
}

/** 1-based line of a character offset in `text`; `lineStarts` comes from lineStartsOf(text). */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
