import { foldWidth } from '../ids/fold-width';
import { normaliseDirection } from '../money/direction';
import type { Direction } from '../money/direction';

/**
 * Direction cells and headers as returns print them beyond the plain words money/direction.ts knows: bilingual
 * `借 Dr` / `贷 Cr`, coded `1-收` / `02-付`, `已收入` / `已支出` (Alipay 资金状态), and legends in the header such as
 * `借贷标志(0-借;1-贷)` that give a bank's own codes. Nothing is guessed: a bare `0` or `1` stays unknown unless the
 * header says what it means.
 */

export type DirectionCodes = Readonly<Record<string, Direction>>;

/** Direction words (longest first) and the codes beside them, as a header legend pairs them. */
const TOKEN = /借方|贷方|支出|收入|存入|转入|转出|入账|出账|进账|借|贷|进|出|收|付|入|支|存|取|[0-9A-Za-z]+/g;

function wordDirection(token: string): Direction | null {
  return normaliseDirection(token).direction;
}

/** Direction words money/direction.ts does not list but flag cells print: 汇入/汇出 (remittances). */
const MORE_WORDS: Readonly<Record<string, Direction>> = { 汇入: 'in', 汇出: 'out' };

/** A flag cell in pieces: runs of Chinese, runs of Latin letters or digits, and the marks between them. */
const PIECE = /[\u3400-\u9fff]+|[0-9A-Z]+|[^\u3400-\u9fff0-9A-Z]+/g;
/** What may stand between and around the words: spaces, dashes, colons, slashes, brackets, points. */
const SEPARATORS = /^[\s\-–—_:：/／\\|()（）[\]【】.,，;；、]+$/;

/**
 * One piece of a flag cell: its direction; 'code' for a number printed beside the word (`1-收`, `02-付`); null when
 * the piece is anything else, which makes the whole cell unreadable.
 */
function pieceDirection(piece: string): Direction | 'code' | null {
  if (/^\d{1,3}$/.test(piece)) return 'code';
  // 已收入 / 已支出 (Alipay 资金状态)
  const word = piece.length > 1 && piece.startsWith('已') ? piece.slice(1) : piece;
  return MORE_WORDS[word] ?? wordDirection(word);
}

/**
 * The direction a flag cell states, or null (blank, unknown such as the stray `O`, neutral such as 不计收支, words
 * pointing both ways, or any word that is not a direction word). `codes` are the file's own codes, from its header
 * legend. Besides the plain words (借/贷, 收/付, 进/出, 支出/收入, D/C, +/-) a cell may be those words with codes,
 * marks and their English (`借 Dr`, `1-收`, `收入(贷)`, `已收入`), but every piece of it must be such a word or a
 * number: a free word that merely contains 收 or 付 (收费, 取消支付, 入账失败, 收息) states no direction.
 */
export function directionOfFlag(cell: string, codes?: DirectionCodes): Direction | null {
  const key = foldWidth(cell).trim().toUpperCase();
  if (key === '') return null;
  const coded = codes?.[key];
  if (coded !== undefined) return coded;
  const plain = normaliseDirection(key);
  if (plain.direction !== null || plain.reason === 'neutral') return plain.direction;
  const found = new Set<Direction>();
  for (const piece of key.match(PIECE) ?? []) {
    if (SEPARATORS.test(piece)) continue;
    const direction = pieceDirection(piece);
    if (direction === null) return null;
    if (direction !== 'code') found.add(direction);
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

/**
 * Codes a header explains in brackets: `借贷标志(0-借;1-贷)`, `收付标志（1:收 2:付）`, `借贷标志(D借C贷)`,
 * `借贷方向[借:D 贷:C]`. Code and word alternate, in either order; anything else gives no codes.
 */
export function legendCodes(header: string): DirectionCodes | undefined {
  const text = foldWidth(header);
  const codes: Record<string, Direction> = {};
  for (const bracket of text.matchAll(/[([【]([^()[\]【】]*)[)\]】]/g)) {
    const tokens = (bracket[1] ?? '').toUpperCase().match(TOKEN) ?? [];
    if (tokens.length < 4 || tokens.length % 2 !== 0) continue;
    const isCode = (token: string): boolean => /^[0-9A-Z]+$/.test(token);
    const codeFirst = isCode(tokens[0] ?? '');
    const pairs: [string, Direction][] = [];
    for (let i = 0; i < tokens.length; i += 2) {
      const code = tokens[codeFirst ? i : i + 1] ?? '';
      const word = tokens[codeFirst ? i + 1 : i] ?? '';
      const direction = isCode(code) && !isCode(word) ? wordDirection(word) : null;
      if (direction === null) break;
      pairs.push([code, direction]);
    }
    if (pairs.length !== tokens.length / 2) continue;
    for (const [code, direction] of pairs) codes[code] = direction;
  }
  return Object.keys(codes).length > 0 ? codes : undefined;
}

/** {@link directionOfFlag} as the `extraFlags` money/direction.ts takes: the cell's own key → its direction. */
export function flagAsExtra(cell: string, codes?: DirectionCodes): DirectionCodes | undefined {
  const direction = directionOfFlag(cell, codes);
  return direction === null ? undefined : { [foldWidth(cell).trim().toUpperCase()]: direction };
}
