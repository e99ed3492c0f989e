import { describe, expect, it } from 'vitest';
import {
  analyseCardNumber,
  analyseCreditCode,
  analyseResidentId,
  classifyWechatId,
  isAlipayUid,
  isQqNumber,
  luhnValid,
  normaliseLandline,
  normaliseMobile,
  orgCodeCheckChar,
  parseAlipayParty,
  residentIdCheckChar,
  upgradeResidentId15,
} from '../../../../shared/ids';

const TODAY = '2026-06-01';

describe('resident ID (GB 11643)', () => {
  it.each([
    // text, format, valid, problems, region, birthDate, sex
    ['11010519491231002X', '18', true, [], '110105', '1949-12-31', 'F'],
    ['11010519491231002x', '18', true, [], '110105', '1949-12-31', 'F'],
    ['440524188001010014', '18', true, [], '440524', '1880-01-01', 'M'],
    ['110105199003071239', '18', true, [], '110105', '1990-03-07', 'M'],
    ['１１０１０５１９９００３０７１２３９', '18', true, [], '110105', '1990-03-07', 'M'],
    ['110105 19900307 1239', '18', true, [], '110105', '1990-03-07', 'M'],
    ['110105199003071238', '18', false, ['bad-check-digit'], '110105', '1990-03-07', 'M'],
    ['110105199002301234', '18', false, ['bad-check-digit', 'bad-birth-date'], '110105', null, 'M'],
    ['110105203001011234', '18', false, ['bad-check-digit', 'future-birth-date'], '110105', null, 'M'],
    ['010105199003071231', '18', false, ['bad-check-digit', 'bad-region'], '010105', '1990-03-07', 'M'],
    ['110105900307123', '15', true, [], '110105', '1990-03-07', 'M'],
    ['110105901307123', '15', false, ['bad-birth-date'], '110105', null, 'M'],
    ['3729**********2912', 'masked', false, [], null, null, 'M'],
    ['372901********2919', 'masked', false, [], '372901', null, 'M'],
    ['372901198811012***', 'masked', false, [], '372901', '1988-11-01', null],
  ])('%s', (text, format, valid, problems, region, birthDate, sex) => {
    const info = analyseResidentId(text, TODAY);
    expect(info).not.toBeNull();
    expect(info).toMatchObject({ format, valid, problems, region, birthDate, sex });
  });

  it.each(['', '12345', '1101051949123100XX', '11010519491231002Y', 'abcdefghijklmnopqr', '******************'])(
    'rejects %j',
    (text) => expect(analyseResidentId(text, TODAY)).toBeNull(),
  );

  it('computes the check character and upgrades 15-digit numbers', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('1101051949123100')).toBeNull();
    expect(upgradeResidentId15('110105900307123')).toBe('110105199003071239');
    expect(upgradeResidentId15('11010590030712')).toBeNull();
  });
});

describe('mobile and landline', () => {
  it.each([
    ['13812345678', '13812345678', false],
    ['+86 138 1234 5678', '13812345678', true],
    ['+86-138-1234-5678', '13812345678', true],
    ['8613812345678', '13812345678', true],
    ['0086 13812345678', '13812345678', true],
    ['138-1234-5678', '13812345678', false],
    ['１３８１２３４５６７８', '13812345678', false],
    ['19912345678', '19912345678', false],
  ])('mobile %j', (text, normalized, hadCountryCode) => {
    expect(normaliseMobile(text)).toEqual({ normalized, hadCountryCode });
  });

  it.each(['12812345678', '1381234567', '138123456789', '1440123456789', '1064812345678', '+1 13812345678', '', '02088886666'])(
    'not a mobile: %j',
    (text) => expect(normaliseMobile(text)).toBeNull(),
  );

  it.each([
    ['0571-88888888', '0571-88888888', '0571'],
    ['(010)62345678', '010-62345678', '010'],
    ['020 88886666', '020-88886666', '020'],
    ['02088886666', '020-88886666', '020'],
    ['05718888888', '0571-8888888', '0571'],
    ['88886666', '88886666', null],
  ])('landline %j', (text, normalized, areaCode) => {
    expect(normaliseLandline(text)).toMatchObject({ normalized, areaCode });
  });

  it.each(['13812345678', '0571-18888888', '0123-88888888', '123'])('not a landline: %j', (text) => {
    expect(normaliseLandline(text)).toBeNull();
  });
});

describe('bank card numbers', () => {
  it.each([
    ['6222021234567890128', true, 'card'],
    ['6222 0212 3456 7890 128', true, 'card'],
    ['6222021234567890128\t', true, 'card'],
    ['6222021234567890127', false, 'account'],
    ['370247123456781', true, 'card'],
    ['6225881234567898', true, 'card'],
  ])('%j', (text, luhn, kind) => {
    const info = analyseCardNumber(text);
    expect(info).toMatchObject({ normalized: text.replace(/\D/g, ''), luhnValid: luhn, kind });
  });

  it.each(['62220212345678', '62220212345678901234', '6222-abcd', ''])('not 15–19 digits: %j', (text) => {
    expect(analyseCardNumber(text)).toBeNull();
  });

  it('Luhn on reference numbers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('12a4')).toBe(false);
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', true, true, [], '9', '1', '350100', 'M000100Y4'],
    ['91330106MA2H7K3P2R', true, true, [], '9', '1', '330106', 'MA2H7K3P2'],
    ['91330106ma2h7k3p2r', true, true, [], '9', '1', '330106', 'MA2H7K3P2'],
    ['914401012345678949', true, true, [], '9', '1', '440101', '234567894'],
    ['521100005001234535', true, true, [], '5', '2', '110000', '500123453'],
    ['91350100M000100Y44', false, true, ['bad-check-char'], '9', '1', '350100', 'M000100Y4'],
    // final check recomputed over a wrong org-code check character: passes GB 32100, fails GB 11714
    ['91350100M000100Y56', true, false, ['bad-org-code-check'], '9', '1', '350100', 'M000100Y5'],
  ])('%s', (text, valid, orgCodeCheckOk, problems, registrationAuthority, category, region, orgCode) => {
    expect(analyseCreditCode(text)).toMatchObject({ valid, orgCodeCheckOk, problems, registrationAuthority, category, region, orgCode });
  });

  it.each(['91350100M000100Y4', '91350100M000100YI3', '91350100O000100Y43', 'hello'])('not a credit code: %j', (text) => {
    expect(analyseCreditCode(text)).toBeNull();
  });

  it('organisation-code check maps 10 → X and 11 → 0', () => {
    expect(orgCodeCheckChar('MA1FL1MM')).toBe('X');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('M000100')).toBeNull();
  });
});

describe('Alipay', () => {
  it.each([
    ['2088412846264555', true],
    ['208841284626455', false],
    ['20884128462645551', false],
    ['3088412846264555', false],
  ])('UID %s → %s', (text, ok) => expect(isAlipayUid(text)).toBe(ok));

  it.each([
    ['2088412846264555(马尚德)', { uid: '2088412846264555', name: '马尚德', bankName: null, cardNumber: null, login: null }],
    ['2088412846264555（马尚德）', { uid: '2088412846264555', name: '马尚德', bankName: null, cardNumber: null, login: null }],
    ['2088412846264555()', { uid: '2088412846264555', name: null, bankName: null, cardNumber: null, login: null }],
    ['2088412846264555', { uid: '2088412846264555', name: null, bankName: null, cardNumber: null, login: null }],
    ['(中国建设银行)6217001234567890123', { uid: null, name: null, bankName: '中国建设银行', cardNumber: '6217001234567890123', login: null }],
    ['(招商银行)6225 **** **** 1234', { uid: null, name: null, bankName: '招商银行', cardNumber: '6225********1234', login: null }],
    ['13812345678(张三)', { uid: null, name: '张三', bankName: null, cardNumber: null, login: '13812345678' }],
    ['zs@example.com(张三)', { uid: null, name: '张三', bankName: null, cardNumber: null, login: 'zs@example.com' }],
    ['马尚德', { uid: null, name: '马尚德', bankName: null, cardNumber: null, login: null }],
    ['  ', { uid: null, name: null, bankName: null, cardNumber: null, login: null }],
  ])('splits %j', (cell, expected) => {
    expect(parseAlipayParty(cell)).toEqual({ raw: cell, ...expected });
  });
});

describe('WeChat and QQ', () => {
  it.each([
    ['zhang_san88', { normalized: 'zhang_san88', kind: 'user-id' }],
    ['a-12345', { normalized: 'a-12345', kind: 'user-id' }],
    ['wxid_abc123xyz789', { normalized: 'wxid_abc123xyz789', kind: 'wxid' }],
    ['WXID_ABC123XYZ789', { normalized: 'wxid_abc123xyz789', kind: 'wxid' }],
    ['a1234', null],
    ['1abcdef', null],
    ['abcdefghijklmnopqrstu', null],
    ['zhang san', null],
  ])('%j', (text, expected) => expect(classifyWechatId(text)).toEqual(expected));

  it.each([
    ['10001', true],
    ['12345678901', true],
    ['1234', false],
    ['123456789012', false],
    ['01234567', false],
  ])('QQ %s → %s', (text, ok) => expect(isQqNumber(text)).toBe(ok));
});
