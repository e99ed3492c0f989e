import { foldWidth } from './fold-width';

/**
 * Special-purpose ranges that make an address useless for linking people (same-IP analysis must exclude them):
 * private and CGNAT ranges are shared by many subscribers, loopback/unspecified are placeholders.
 */
export type IpFlag =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation';

export interface IpInfo {
  version: 4 | 6;
  /** IPv4 dotted decimal without leading zeros; IPv6 in RFC 5952 form (lower case, longest zero run as `::`). */
  normalized: string;
  flags: IpFlag[];
  /** No flag: a globally routable unicast address. */
  isPublic: boolean;
  /** For IPv4-mapped IPv6 (`::ffff:a.b.c.d`), the IPv4 address; flags are then the IPv4's. */
  mappedIpv4?: string;
  /** IPv4 written with zero-padded octets (`010.001.002.003`); read as decimal, never octal. */
  hadLeadingZeros?: boolean;
}

export function parseIpv4(text: string): IpInfo | null {
  const octets = parseIpv4Octets(foldWidth(text).trim());
  if (!octets) return null;
  const normalized = octets.join('.');
  const flags = ipv4Flags(octets);
  const info: IpInfo = { version: 4, normalized, flags, isPublic: flags.length === 0 };
  if (/(^|\.)0\d/.test(foldWidth(text).trim())) info.hadLeadingZeros = true;
  return info;
}

export function parseIpv6(text: string): IpInfo | null {
  let t = foldWidth(text).trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  const zone = t.indexOf('%');
  if (zone >= 0) t = t.slice(0, zone);
  const groups = parseIpv6Groups(t);
  if (!groups) return null;
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const v4 = [(groups[6] ?? 0) >> 8, (groups[6] ?? 0) & 255, (groups[7] ?? 0) >> 8, (groups[7] ?? 0) & 255];
    const mappedIpv4 = v4.join('.');
    const flags = ipv4Flags(v4);
    return { version: 6, normalized: `::ffff:${mappedIpv4}`, flags, isPublic: flags.length === 0, mappedIpv4 };
  }
  const flags = ipv6Flags(groups);
  return { version: 6, normalized: formatIpv6(groups), flags, isPublic: flags.length === 0 };
}

/** Either family; null when the text is neither. */
export function parseIp(text: string): IpInfo | null {
  return parseIpv4(text) ?? parseIpv6(text);
}

function parseIpv4Octets(t: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m) return null;
  const octets = [m[1], m[2], m[3], m[4]].map((o) => Number.parseInt(o ?? '', 10));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

function ipv4Flags([a = 0, b = 0, c = 0, d = 0]: number[]): IpFlag[] {
  const flags: IpFlag[] = [];
  if (a === 0) flags.push('unspecified'); // 0.0.0.0/8 ("this network"; 0.0.0.0 is the all-zero placeholder)
  if (a === 127) flags.push('loopback');
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) flags.push('private');
  if (a === 100 && b >= 64 && b <= 127) flags.push('cgnat');
  if (a === 169 && b === 254) flags.push('link-local');
  if (a >= 224 && a <= 239) flags.push('multicast');
  if (a === 255 && b === 255 && c === 255 && d === 255) flags.push('broadcast');
  else if (a >= 240) flags.push('reserved');
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) {
    flags.push('documentation');
  }
  return flags;
}

function parseIpv6Groups(t: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(t) || t.length < 2) return null;
  let text = t;
  let tail: number[] = [];
  const lastColon = t.lastIndexOf(':');
  const lastPart = t.slice(lastColon + 1);
  if (lastPart.includes('.')) {
    // An embedded IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
    const v4 = parseIpv4Octets(lastPart);
    if (!v4) return null;
    tail = [((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0)];
    text = t.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === '') return [];
    const parts = s.split(':');
    const out: number[] = [];
    for (const p of parts) {
      if (!/^[0-9a-f]{1,4}$/i.test(p)) return null;
      out.push(Number.parseInt(p, 16));
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  if (!head) return null;
  if (halves.length === 1) {
    const all = [...head, ...tail];
    return all.length === 8 ? all : null;
  }
  const rest = parse(halves[1] ?? '');
  if (!rest) return null;
  const known = head.length + rest.length + tail.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
}

function ipv6Flags(g: number[]): IpFlag[] {
  const [g0 = 0, g1 = 0] = g;
  const allZero = g.every((x) => x === 0);
  if (allZero) return ['unspecified'];
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return ['loopback'];
  const flags: IpFlag[] = [];
  if ((g0 & 0xfe00) === 0xfc00) flags.push('private'); // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) flags.push('link-local');
  if ((g0 & 0xff00) === 0xff00) flags.push('multicast');
  if (g0 === 0x2001 && g1 === 0x0db8) flags.push('documentation');
  return flags;
}

/** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`, the first on a tie. */
function formatIpv6(g: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
