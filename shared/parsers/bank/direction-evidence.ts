import type { FileWarning } from '../types';

/** Accounts one file's evidence follows at once (hostile files with a new number on every row). */
const MAX_ACCOUNTS = 10_000;
/** Agreeing rows a code needs before the warning names a meaning for it. */
const MIN_AGREEING = 2;

interface Previous {
  balance: number;
  magnitude: number;
  /** the row's flag when it was one the file does not explain, else null */
  code: string | null;
}

type Votes = Map<string, { in: number; out: number }>;

/**
 * What a file's own balances say about flag codes it does not explain (`0`/`1` in 借贷标志 without a legend). Between
 * two consecutive rows of one account the balance moves by the later row's amount: up for money in, down for money
 * out. Files run oldest-first or newest-first, so both readings are counted and the one more rows agree with is
 * used. The finding is a warning only: the rows keep an unknown direction until someone confirms what the codes mean.
 */
export class DirectionEvidence {
  private readonly previous = new Map<string, Previous>();
  private readonly oldestFirst: Votes = new Map();
  private readonly newestFirst: Votes = new Map();

  /** One successful row with a balance; `code` is its unexplained flag, or null when its direction was known. */
  observe(account: string, code: string | null, magnitude: number, balance: number): void {
    const before = this.previous.get(account);
    if (before !== undefined) {
      const delta = balance - before.balance;
      if (code !== null && magnitude !== 0) vote(this.oldestFirst, code, delta, magnitude);
      if (before.code !== null && before.magnitude !== 0) vote(this.newestFirst, before.code, -delta, before.magnitude);
    }
    if (this.previous.size >= MAX_ACCOUNTS && before === undefined) this.previous.clear();
    this.previous.set(account, { balance, magnitude, code });
  }

  warning(): FileWarning | null {
    // rows read in the wrong order agree only by chance (two equal amounts in a row), so they score far lower
    const score = (votes: Votes): number => [...votes.values()].reduce((sum, v) => sum + Math.abs(v.in - v.out), 0);
    const votes = score(this.newestFirst) > score(this.oldestFirst) ? this.newestFirst : this.oldestFirst;
    const meanings = [...votes]
      .filter(([, v]) => Math.min(v.in, v.out) === 0 && Math.max(v.in, v.out) >= MIN_AGREEING)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, v]) => `“${code}”看来是${v.in > 0 ? '进' : '出'}（${Math.max(v.in, v.out)} 行相符）`);
    if (meanings.length === 0) return null;
    return {
      type: 'warning',
      code: 'BANK_DIRECTION_CODES_BY_BALANCE',
      message: `收付标志的取值无法识别；按余额变化，${meanings.join('、')}。方向仍记为未知：请向反馈银行核实，确认后可用导入模板的方向取值规则重新导入`,
    };
  }
}

function vote(votes: Votes, code: string, delta: number, magnitude: number): void {
  if (delta !== magnitude && delta !== -magnitude) return;
  const entry = votes.get(code) ?? { in: 0, out: 0 };
  if (delta === magnitude) entry.in += 1;
  else entry.out += 1;
  votes.set(code, entry);
}
