import type { IdentifierDraft, IdentifierType, Instant } from '../../types';

/**
 * Identifiers a chat export states (a sender's phone, QQ number, wxid), each reported once per file at its first
 * appearance: the same sender writes thousands of messages.
 */
export class IdentifiersOnce {
  private readonly seen = new Set<string>();

  make(
    where: { sheet: string; line: number; raw: Record<string, string> },
    type: IdentifierType,
    value: string,
    role: string,
    observedAt: Instant | null,
  ): IdentifierDraft | null {
    const key = `${type}\u0000${value}\u0000${role}`;
    if (value === '' || this.seen.has(key)) return null;
    this.seen.add(key);
    return { type: 'identifier', sheet: where.sheet, line: where.line, raw: where.raw, account: null, identifierType: type, value, role, observedAt };
  }
}
