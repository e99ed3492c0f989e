import { describe, expect, it } from 'vitest';
import { formatMac, normaliseMac, normalisePlate, parseIp, parseIpv4, parseIpv6 } from '../../../../shared/ids';

describe('IPv4', () => {
  it.each([
    ['8.8.8.8', '8.8.8.8', [], true],
    ['１１４．１１４．１１４．１１４', '114.114.114.114', [], true],
    ['010.001.002.003', '10.1.2.3', ['private'], false],
    ['192.168.1.10', '192.168.1.10', ['private'], false],
    ['172.16.0.1', '172.16.0.1', ['private'], false],
    ['172.32.0.1', '172.32.0.1', [], true],
    ['100.64.0.1', '100.64.0.1', ['cgnat'], false],
    ['100.127.255.254', '100.127.255.254', ['cgnat'], false],
    ['100.128.0.1', '100.128.0.1', [], true],
    ['127.0.0.1', '127.0.0.1', ['loopback'], false],
    ['0.0.0.0', '0.0.0.0', ['unspecified'], false],
    ['169.254.3.4', '169.254.3.4', ['link-local'], false],
    ['224.0.0.1', '224.0.0.1', ['multicast'], false],
    ['255.255.255.255', '255.255.255.255', ['broadcast'], false],
    ['198.51.100.7', '198.51.100.7', ['documentation'], false],
  ])('%s', (text, normalized, flags, isPublic) => {
    expect(parseIpv4(text)).toMatchObject({ version: 4, normalized, flags, isPublic });
  });

  it('marks zero-padded octets, which are read as decimal', () => {
    expect(parseIpv4('010.001.002.003')?.hadLeadingZeros).toBe(true);
    expect(parseIpv4('10.1.2.3')?.hadLeadingZeros).toBeUndefined();
  });

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.-4', 'a.b.c.d', ''])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBeNull();
  });
});

describe('IPv6', () => {
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1', ['documentation']],
    ['240e:0388:8a03:0a00:0000:0000:0000:0001', '240e:388:8a03:a00::1', []],
    ['240E:388:8A03:A00::1', '240e:388:8a03:a00::1', []],
    ['2409:8a00:0:0:1:0:0:1', '2409:8a00::1:0:0:1', []],
    ['2409:8a00:1:0:0:1:0:0', '2409:8a00:1::1:0:0', []],
    ['2409:8a00:1:2:3:4:0:5', '2409:8a00:1:2:3:4:0:5', []],
    ['::', '::', ['unspecified']],
    ['0:0:0:0:0:0:0:0', '::', ['unspecified']],
    ['::1', '::1', ['loopback']],
    ['fe80::1%eth0', 'fe80::1', ['link-local']],
    ['[fd00::abcd]', 'fd00::abcd', ['private']],
    ['ff02::1', 'ff02::1', ['multicast']],
    ['::ffff:192.168.1.1', '::ffff:192.168.1.1', ['private']],
    ['::FFFF:C0A8:0101', '::ffff:192.168.1.1', ['private']],
    ['64:ff9b::1.2.3.4', '64:ff9b::102:304', []],
  ])('%s → %s', (text, normalized, flags) => {
    expect(parseIpv6(text)).toMatchObject({ version: 6, normalized, flags });
  });

  it.each(['1::2::3', '12345::1', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', ':1:2:3:4:5:6:7', 'gggg::1', '10:30:00', '::1.2.3'])(
    'rejects %j',
    (text) => expect(parseIpv6(text)).toBeNull(),
  );

  it('parseIp takes either family', () => {
    expect(parseIp('1.2.3.4')?.version).toBe(4);
    expect(parseIp('::1')?.version).toBe(6);
    expect(parseIp('x')).toBeNull();
  });
});

describe('MAC', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aabbccddeeff'],
    ['aa-bb-cc-0d-0e-0f', 'aabbcc0d0e0f'],
    ['AABB.CCDD.EEFF', 'aabbccddeeff'],
    ['001A2B3C4D5E', '001a2b3c4d5e'],
    ['00:00:00:00:00:00', null],
    ['000000000000', null],
    ['FF:FF:FF:FF:FF:FF', null],
    ['AA:BB:CC:DD:EE', null],
    ['AA:BB-CC:DD:EE:FF', null],
    ['GG:BB:CC:DD:EE:FF', null],
  ])('%s → %s', (text, expected) => expect(normaliseMac(text)).toBe(expected));

  it('formats for display', () => expect(formatMac('aabbccddeeff')).toBe('aa:bb:cc:dd:ee:ff'));
});

describe('licence plates (GA 36-2018)', () => {
  it.each([
    ['京A12345', '京A12345', 'ordinary'],
    ['粤B·A1234', '粤BA1234', 'ordinary'],
    ['沪a 12345', '沪A12345', 'ordinary'],
    ['苏E1234学', '苏E1234学', 'ordinary'],
    ['粤Z1234港', '粤Z1234港', 'ordinary'],
    ['鲁A1234挂', '鲁A1234挂', 'ordinary'],
    ['京AD12345', '京AD12345', 'new-energy'],
    ['京AFA1234', '京AFA1234', 'new-energy'],
    ['沪A12345D', '沪A12345D', 'new-energy'],
    ['粤B12345F', '粤B12345F', 'new-energy'],
  ])('%s', (text, normalized, kind) => {
    expect(normalisePlate(text)).toEqual({ normalized, kind, province: normalized[0] });
  });

  it.each(['京A1234', '京AI2345', '京AO2345', 'A12345', '哈A12345', '京A123456', '京A1234D5', '京A12345X'])('rejects %j', (text) => {
    expect(normalisePlate(text)).toBeNull();
  });
});
