import { analyseResidentId, classifyWechatId, foldWidth, isAlipayUid, isQqNumber, normaliseLandline, normaliseMac, normaliseMobile, parseIp } from '../../../ids/index';
import type { AccountRef, IdentifierDraft, IdentifierType, Instant, SourceRecord } from '../../types';
import { clean } from './cells';

/** An identifier value in the form identity linking compares, or null when the text is not one (masked, junk). */
export function normaliseIdentifier(type: IdentifierType, text: string): string | null {
  const t = clean(text);
  if (t === '') return null;
  switch (type) {
    case 'phone':
      return normaliseMobile(t)?.normalized ?? normaliseLandline(t)?.normalized ?? null;
    case 'id_card': {
      const info = analyseResidentId(t);
      return info === null || info.format === 'masked' ? null : info.normalized;
    }
    case 'email': {
      const e = foldWidth(t).trim().toLowerCase();
      return /^[^\s@*]+@[^\s@*]+\.[^\s@*]+$/.test(e) ? e : null;
    }
    case 'ip': {
      const ip = parseIp(t);
      return ip === null || ip.flags.includes('unspecified') ? null : ip.normalized;
    }
    case 'mac':
      return normaliseMac(t);
    case 'bank_card': {
      const digits = foldWidth(t).replace(/[\s-]+/g, '');
      return /^\d{12,30}$/.test(digits) ? digits : null;
    }
    case 'alipay_uid':
      return isAlipayUid(t) ? foldWidth(t).trim() : null;
    case 'wechat_id': {
      const id = classifyWechatId(t);
      if (id) return id.normalized;
      const plain = foldWidth(t).trim();
      return /^[\w-]{3,40}$/.test(plain) ? plain : null;
    }
    case 'qq':
      return isQqNumber(t) ? foldWidth(t).trim() : null;
    default:
      return foldWidth(t).trim();
  }
}

/**
 * Builds IdentifierDrafts for one file and drops repeats (the same account, type, value and role at the same time):
 * registration tables list one row per bound card and would otherwise repeat the phone and ID number on every row.
 */
export class IdentifierCollector {
  private readonly seen = new Set<string>();

  make(
    record: SourceRecord,
    raw: Record<string, string>,
    account: AccountRef | null,
    type: IdentifierType,
    text: string,
    role: string,
    observedAt: Instant | null = null,
  ): IdentifierDraft | null {
    const value = normaliseIdentifier(type, text);
    if (value === null) return null;
    const key = [account?.kind ?? '', account?.number ?? '', type, value, role, observedAt?.utcMs ?? observedAt?.original ?? ''].join('\u0000');
    if (this.seen.has(key)) return null;
    this.seen.add(key);
    return { type: 'identifier', sheet: record.sheet, line: record.line, raw, account, identifierType: type, value, role, observedAt };
  }
}
