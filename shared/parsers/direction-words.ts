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

/** Direction words (longest first) and the codes printed beside them. */
const TOKEN = /借方|贷方|支出|收入|存入|转入|转出|入账|出账|进账|借|贷|进|出|收|付|入|支|存|取|[0-9A-Za-z]+/g;

function wordDirection(token: string): Direction | null {
  return normaliseDirection(token).direction;
}

/**
 * The direction a flag cell states, or null (blank, unknown such as the stray `O`, neutral such as 不计收支, or
 * words pointing both ways). `codes` are the file's own codes, from its header legend.
 */
export function directionOfFlag(cell: string, codes?: DirectionCodes): Direction | null {
  const key = foldWidth(cell).trim().toUpperCase();
  if (key === '') return null;
  const coded = codes?.[key];
  if (coded !== undefined) return coded;
  const plain = normaliseDirection(key);
  if (plain.direction !== null || plain.reason === 'neutral') return plain.direction;
  const found = new Set<Direction>();
  for (const token of key.match(TOKEN) ?? []) {
    const direction = wordDirection(token);
    if (direction !== null) found.add(direction);
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
