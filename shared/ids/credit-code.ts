import { foldWidth } from './fold-width';

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V; index = value. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights for positions 1–17: 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714 organisation code weights for its 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

export type CreditCodeProblem = 'bad-check-char' | 'bad-org-code-check' | 'bad-region';

export interface CreditCodeInfo {
  normalized: string;
  /** The 18th character checks out and positions 3–8 are digits. */
  valid: boolean;
  /**
   * Whether positions 9–17 pass the GB 11714 organisation-code check. Reported apart from `valid` because codes
   * issued to some registrant kinds are not guaranteed to embed a real organisation code.
   */
  orgCodeCheckOk: boolean;
  problems: CreditCodeProblem[];
  /** Position 1: 登记管理部门 code (1 机构编制, 5 民政, 9 工商, Y 其他 …). */
  registrationAuthority: string;
  /** Position 2: 机构类别 code within that authority. */
  category: string;
  /** Positions 3–8: 登记管理机关行政区划码. */
  region: string;
  /** Positions 9–17: the embedded 组织机构代码 (8 body characters + its own check character). */
  orgCode: string;
}

/** The 18th character for a 17-character body, or null when the body has characters outside the set. */
export function creditCodeCheckChar(body17: string): string | null {
  if (body17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(body17[i] ?? '');
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CHARSET[(31 - (sum % 31)) % 31] ?? null;
}

/**
 * The check character of a GB 11714 organisation code body (8 characters of 0-9A-Z), or null for bad input.
 * 11 − (Σ mod 11): 10 → 'X', 11 → '0'.
 */
export function orgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // letters A=10 … Z=35
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Validates a 统一社会信用代码 (case-insensitive, separators removed); null when not 18 characters of the set. */
export function analyseCreditCode(text: string): CreditCodeInfo | null {
  const code = foldWidth(text).trim().replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return null;
  const problems: CreditCodeProblem[] = [];
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) problems.push('bad-check-char');
  const orgCode = code.slice(8, 17);
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) problems.push('bad-region');
  const valid = problems.length === 0;
  const orgCodeCheckOk = orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8];
  if (!orgCodeCheckOk) problems.push('bad-org-code-check');
  return {
    normalized: code,
    valid,
    orgCodeCheckOk,
    problems,
    registrationAuthority: code[0] ?? '',
    category: code[1] ?? '',
    region,
    orgCode,
  };
}

export function isValidCreditCode(text: string): boolean {
  return analyseCreditCode(text)?.valid === true;
}
