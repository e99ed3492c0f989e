/**
 * Which identifiers may link people: addresses in shared ranges (carrier-grade NAT 100.64.0.0/10, private,
 * loopback …), addresses on the editable exclusion list (bank gateways), and placeholder MACs and device ids never
 * do. The list entries are CIDR ranges (`100.64.0.0/10`, `2001:db8::/32`) or single values (IP, MAC, device id).
 */
import { parseIp } from '../../ids/ip';
import { normaliseMac } from '../../ids/mac';

/** MACs that mean "unknown" (all zeros, broadcast, the Android/iOS privacy placeholder) */
const PLACEHOLDER_MACS = new Set(['000000000000', 'ffffffffffff', '020000000000', '010000000000']);

/** device ids that mean "unknown" */
const PLACEHOLDER_DEVICE = /^(?:|0+|-+|null|none|unknown|未知|无|空|n\/a|x+|f+)$/i;

function bitsOf(normalized: string, version: 4 | 6): bigint {
  if (version === 4) return normalized.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
  const [head = '', tail = ''] = normalized.includes('::') ? normalized.split('::') : [normalized, ''];
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = [...headGroups, ...new Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return groups.reduce((acc, group) => (acc << 16n) | BigInt(Number.parseInt(group, 16) || 0), 0n);
}

interface Range {
  version: 4 | 6;
  base: bigint;
  prefix: number;
}

export class IdentifierFilter {
  private readonly ranges: Range[] = [];
  private readonly values = new Set<string>();

  /** entries: CIDR ranges or exact values; lines starting with # are comments */
  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === '' || entry.startsWith('#')) continue;
      const slash = entry.indexOf('/');
      if (slash > 0) {
        const ip = parseIp(entry.slice(0, slash));
        const prefix = Number(entry.slice(slash + 1));
        if (ip && Number.isInteger(prefix)) {
          const width = ip.version === 4 ? 32 : 128;
          const p = Math.max(0, Math.min(width, prefix));
          const shift = BigInt(width - p);
          this.ranges.push({ version: ip.version, base: (bitsOf(ip.normalized, ip.version) >> shift) << shift, prefix: p });
        }
        continue;
      }
      const ip = parseIp(entry);
      if (ip) {
        this.values.add(ip.normalized);
        continue;
      }
      const mac = normaliseMac(entry);
      this.values.add(mac ?? entry.toLowerCase());
    }
  }

  /** the normalised value when it may link accounts, null when it is excluded or no identifier at all */
  usable(kind: 'ip' | 'mac' | 'device' | 'phone', value: string): string | null {
    const text = value.trim();
    if (kind === 'ip') {
      const ip = parseIp(text);
      if (!ip || !ip.isPublic || this.values.has(ip.normalized)) return null;
      const bits = bitsOf(ip.normalized, ip.version);
      const width = ip.version === 4 ? 32 : 128;
      for (const range of this.ranges) {
        if (range.version !== ip.version) continue;
        const shift = BigInt(width - range.prefix);
        if ((bits >> shift) << shift === range.base) return null;
      }
      return ip.normalized;
    }
    if (kind === 'mac') {
      const mac = normaliseMac(text);
      if (!mac || PLACEHOLDER_MACS.has(mac) || this.values.has(mac)) return null;
      return mac;
    }
    if (kind === 'phone') {
      const digits = text.replace(/[\s-]/g, '').replace(/^\+?86/, '');
      return /^1[3-9]\d{9}$/.test(digits) && !this.values.has(digits) ? digits : null;
    }
    if (PLACEHOLDER_DEVICE.test(text) || this.values.has(text.toLowerCase())) return null;
    return text;
  }
}
