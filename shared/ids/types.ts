export type IdentifierKind =
  | 'resident-id'
  | 'mobile'
  | 'landline'
  | 'bank-card'
  | 'bank-account'
  | 'credit-code'
  | 'alipay-uid'
  | 'wechat-id'
  | 'qq'
  | 'plate'
  | 'ipv4'
  | 'ipv6'
  | 'mac';

/** One identifier found in free text. */
export interface IdentifierMatch {
  kind: IdentifierKind;
  /** UTF-16 offsets into the original text; `end` is exclusive. */
  start: number;
  end: number;
  /** The original substring, as written. */
  text: string;
  /** The normalised value (digits only, upper-case, RFC 5952 …) used to link mentions. */
  value: string;
  /**
   * Passed the integrity check its format has (check digit, Luhn, checksum); true for kinds without one. Masked
   * values cannot be checked and are never valid.
   */
  valid: boolean;
  masked: boolean;
  /**
   * Extra facts: `luhn-failed` (bank-account), `wxid` / `user-id` (wechat-id), `new-energy` / `ordinary` (plate),
   * `legacy-15` and the ResidentIdProblem codes (resident-id), IpFlag values (ipv4/ipv6), `bad-org-code-check`.
   */
  flags: string[];
}
