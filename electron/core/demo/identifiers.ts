/**
 * Valid-looking identifiers for fictional people (DOMAIN.md §5): GB 11643 ID numbers with their check digit,
 * Luhn-valid card numbers on real BIN prefixes, mobile numbers, GB 32100 credit codes, Alipay UIDs, WeChat ids.
 */
import type { Rng } from './prng';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11);
}

/** 18-digit 居民身份证号: area + birth date + sequence (odd = male) + check */
export function idNumber(rng: Rng, area: string, birth: string, male: boolean): string {
  let seq = rng.int(0, 999);
  if ((seq % 2 === 1) !== male) seq = seq === 999 ? 998 : seq + 1;
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = Number(body.charAt(i));
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

export function luhnValid(card: string): boolean {
  return card.length > 1 && luhnCheckDigit(card.slice(0, -1)) === card.slice(-1);
}

/** a card number of the given length on a BIN, ending in a Luhn check digit */
export function cardNumber(rng: Rng, bin: string, length: number): string {
  const body = bin + rng.digits(length - bin.length - 1);
  return body + luhnCheckDigit(body);
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** GB 32100-2015 统一社会信用代码 with both check characters */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
}

function orgCodeCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += USCC_CHARS.indexOf(first8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** a company's credit code: 9 (工商) + 1 (企业) or 2 (个体工商户) + area + organisation code + check */
export function uscc(rng: Rng, area: string, individualBusiness: boolean): string {
  const org8 = rng.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 8);
  const first17 = `9${individualBusiness ? '2' : '1'}${area}${org8}${orgCodeCheck(org8)}`;
  return first17 + usccCheck(first17);
}

export function alipayUid(rng: Rng): string {
  return `2088${rng.digits(12)}`;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function wxid(rng: Rng): string {
  return `wxid_${rng.chars(LOWER_ALNUM, 14)}`;
}

/** a user-set 微信号: a letter, then 5–19 of letters, digits, - and _ */
export function wechatAlias(rng: Rng, pinyinish: string): string {
  const base = pinyinish.replace(/[^a-z]/g, '').slice(0, 10) || 'user';
  return `${base}${rng.pick(['', '_', ''])}${rng.digits(rng.int(3, 6))}`;
}

export function qqNumber(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.digits(rng.int(6, 9));
}

const HEX = '0123456789ABCDEF';

/** a MAC address as banks print it (12 upper-case hex digits, sometimes with separators) */
export function macAddress(rng: Rng): string {
  // a locally administered unicast first octet keeps these from naming any real vendor
  const first = (rng.int(0, 63) * 4 + 2).toString(16).toUpperCase().padStart(2, '0');
  return first + rng.chars(HEX, 10);
}

export function publicIpv4(rng: Rng): string {
  // blocks used by Chinese broadband carriers; fictional hosts inside them
  const first = rng.pick([58, 60, 61, 110, 112, 113, 114, 116, 117, 119, 120, 121, 122, 123, 125, 171, 180, 182, 183, 218, 219, 220, 221, 222]);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
}

/** carrier-grade NAT space (RFC 6598, 100.64.0.0/10): many unrelated phones share each address */
export function cgnatIpv4(rng: Rng): string {
  return `100.${rng.int(64, 127)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function ipv6(rng: Rng): string {
  const prefix = rng.pick(['240e', '2408', '2409']);
  const groups = [prefix];
  for (let i = 0; i < 7; i++) groups.push(rng.chars('0123456789abcdef', 4).replace(/^0+(?=.)/, ''));
  return groups.join(':');
}
