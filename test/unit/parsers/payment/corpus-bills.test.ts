import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYMENT_FORMATS } from '../../../../shared/parsers/payment/index';
import { detectFormats, formatById } from '../../../../shared/parsers/registry';
import type { FormatSpec, TxnDraft } from '../../../../shared/parsers/types';
import { CORPUS_DIR, corpusAvailable, detectInput, loadFile, mapFile, shanghai } from '../../../support/parser-records';
import type { MappedFile } from '../../../support/parser-records';

/**
 * Every Alipay and WeChat Pay bill of the shared corpus (personal exports published by parser projects; PROVENANCE.md)
 * is detected as its format and imported; counts and one or more rows per file are asserted by hand.
 */

const PAY = join(CORPUS_DIR, 'cn-payments');

function format(id: string): FormatSpec {
  const spec = formatById(id, PAYMENT_FORMATS);
  if (spec === undefined) throw new Error(`no format ${id}`);
  return spec;
}

async function importBill(relative: string, expectedFormat: string): Promise<MappedFile> {
  const loaded = await loadFile(join(PAY, relative), CORPUS_DIR);
  const ranked = detectFormats(detectInput(loaded), PAYMENT_FORMATS);
  expect(ranked.map((r) => r.format.id)).toEqual([expectedFormat]);
  expect(ranked[0]?.confidence).toBeGreaterThan(0.9);
  return mapFile(format(expectedFormat), loaded);
}

function at(out: MappedFile, line: number, sheet = ''): TxnDraft {
  const txn = out.txns.find((t) => t.line === line && t.sheet === sheet);
  if (txn === undefined) throw new Error(`no transaction at ${sheet}:${line}`);
  return txn;
}

describe.skipIf(!corpusAvailable)('corpus: Alipay personal bills (alipay.bill, self-provided)', () => {
  it('is graded self-provided', () => {
    expect(format('alipay.bill').grade).toBe('self-provided');
  });

  it('2019 layout (GBK, 4 title lines, 交易创建时间 …): 2 rows, account from 账号:[…]', async () => {
    const out = await importBill('double-entry-generator/alipay/alipay-2019format-records.csv', 'alipay.bill');
    expect(out.txns).toHaveLength(2);
    expect(out.errors).toEqual([]);
    // 共2笔记录 in the footer matches
    expect(out.warnings).toEqual([]);
    expect(at(out, 6)).toMatchObject({
      account: { kind: 'alipay', number: 'faker@faker.com' },
      time: { utcMs: shanghai('2019-09-30 13:11:25'), original: '2019-09-30 13:11:25', offsetMinutes: 480 },
      amountMinor: -2700,
      currency: 'CNY',
      direction: 'out',
      directionRaw: '支出',
      counterparty: { name: '肯德基(张江高科餐厅)' },
      summary: '张江高科餐厅',
      succeeded: true,
      txnNo: '123456',
      logNo: 'S123456',
      location: '其他（包括阿里巴巴和外部商家）',
    });
    expect(at(out, 7)).toMatchObject({ amountMinor: 1, direction: 'in', counterparty: { name: '中欧基金管理有限公司' }, summary: '余额宝-2019.09.29-收益发放' });
  });

  it('2021 layout with mixed CRLF/LF and a truncated row: 3 rows, 1 rejected, holder from the footer', async () => {
    const out = await importBill('double-entry-generator/alipay/alipay-2021format-category-example.csv', 'alipay.bill');
    expect(out.txns).toHaveLength(3);
    expect(out.errors).toEqual([{ type: 'error', sheet: '', line: 6, code: 'MISSING_FIELD', message: '交易时间为空' }]);
    // the sample was cut down from a real export: its footer still says 86
    expect(out.warnings).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '支付宝账单：账单注明共86笔记录，实际有 4 行' }]);
    expect(at(out, 5)).toMatchObject({
      account: { kind: 'alipay', number: '15120017490', holderName: '项京朋' },
      time: { utcMs: shanghai('2021-12-09 09:25:42') },
      amountMinor: -750,
      direction: 'out',
      counterparty: { name: '好邻居连锁便利店', account: 'hao***@qq.com' },
      summary: '好邻居订单',
      channel: '招商银行信用卡(8214)',
      succeeded: true,
      txnNo: '2021120922001468815735046417',
      logNo: '10000891202112098830044',
    });
  });

  it('2021 layout: 13 rows; 其他 has no direction, 交易关闭 is unsuccessful', async () => {
    const out = await importBill('double-entry-generator/alipay/alipay-2021format-records.csv', 'alipay.bill');
    expect(out.txns).toHaveLength(13);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '支付宝账单：账单注明共21笔记录，实际有 13 行' }]);
    expect(out.txns.every((t) => t.account.number === 'abc@triplez.cn' && t.account.holderName === 'TripleZ')).toBe(true);
    expect(at(out, 4)).toMatchObject({ amountMinor: 10990, direction: null, succeeded: true, summary: '退款-【直接下单付款】滴露消毒液1.2L*2家用杀菌消毒水衣物地板宠物' });
    expect(at(out, 5)).toMatchObject({ amountMinor: -10990, direction: 'out', succeeded: false, failReason: '交易关闭', counterparty: { name: 'dettol滴露官方旗舰店', account: 'zhi***@hkmanon.com' } });
    expect(at(out, 12)).toMatchObject({ time: { utcMs: shanghai('2021-06-24 00:00:00') }, amountMinor: 1000, direction: 'in', counterparty: { name: '*三', account: '111******11' } });
  });

  it('2023 layout (24 title lines): 10 rows, 不计收支 without direction', async () => {
    const out = await importBill('double-entry-generator/alipay/alipay-2023format-records.csv', 'alipay.bill');
    expect(out.txns).toHaveLength(10);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '支付宝账单：账单注明共66笔记录，实际有 10 行' }]);
    expect(at(out, 26)).toMatchObject({
      account: { kind: 'alipay', number: 'xx@gmail.com', holderName: 'xx' },
      time: { utcMs: shanghai('2023-02-12 21:32:14') },
      amountMinor: -4974,
      direction: 'out',
      counterparty: { name: 'xxxxxxxxxxxx' },
      summary: '亲情卡',
      channel: '交通银行信用卡(7449)',
      succeeded: true,
    });
    expect(at(out, 28)).toMatchObject({ amountMinor: 1603, direction: null, directionRaw: '不计收支', succeeded: true });
    expect(at(out, 30)).toMatchObject({ amountMinor: 22222850, direction: 'in', counterparty: { account: 'xxx***@163.com' } });
    expect(at(out, 31)).toMatchObject({ amountMinor: 8200, direction: null, succeeded: false, failReason: '交易关闭' });
  });

  it('2023+ layout re-saved as UTF-8 (Beancount-Trans): 80 rows, masked account as written', async () => {
    const out = await importBill('Beancount-Trans-Backend/完整测试_支付宝.csv', 'alipay.bill');
    expect(out.txns).toHaveLength(80);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '支付宝账单：账单注明共82笔记录，实际有 80 行' }]);
    expect(at(out, 26)).toMatchObject({
      account: { kind: 'alipay', number: '138****0000', holderName: '测试用户' },
      time: { utcMs: shanghai('2025-12-18 18:16:25') },
      amountMinor: -1512,
      direction: 'out',
      counterparty: { name: '高德打车', account: 'aut***@autonavi.com' },
      channel: '余额宝',
      succeeded: true,
      txnNo: '2025000000001070AP',
    });
    expect(at(out, 32)).toMatchObject({ amountMinor: 0, direction: 'out', succeeded: true, summary: '医保支付(不含自费)' });
    expect(at(out, 46)).toMatchObject({ amountMinor: 600000, direction: 'in', counterparty: { name: '温州示例科技' }, summary: '项目结算-验收尾款' });
  });
});

describe.skipIf(!corpusAvailable)('corpus: WeChat Pay personal bills (wechat.bill, self-provided)', () => {
  it('2019 sample with 9-column title lines: 2 rows keyed by the nickname', async () => {
    const out = await importBill('double-entry-generator/wechat/wechat-bill-records-2019.csv', 'wechat.bill');
    expect(out.txns).toHaveLength(2);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([{ type: 'warning', code: 'ACCOUNT_IS_NICKNAME', message: '微信支付账单：账单只以微信昵称“测试”标明账户；查明微信号后请关联' }, { type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '微信支付账单：账单注明共43笔记录，实际有 2 行' }]);
    expect(at(out, 18)).toMatchObject({
      account: { kind: 'tenpay', number: '测试' },
      time: { utcMs: shanghai('2019-09-26 12:45:27') },
      amountMinor: -2816,
      direction: 'out',
      counterparty: { name: '云膳过桥米线(传奇广场店)' },
      summary: '商户消费',
      channel: '中国银行(1234)',
      succeeded: true,
      txnNo: '3985734',
      logNo: '129847129',
      memo: '总共消费:28.16',
    });
    expect(at(out, 19)).toMatchObject({ amountMinor: 35, direction: 'in', counterparty: { name: '同性好友' }, channel: undefined, memo: undefined });
  });

  it('CSV (quoted and unquoted cells, ¥ amounts, "/" neutral): 27 rows', async () => {
    const out = await importBill('double-entry-generator/wechat/wechat-bill-records.csv', 'wechat.bill');
    expect(out.txns).toHaveLength(27);
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(['ACCOUNT_IS_NICKNAME', 'RECORD_COUNT_MISMATCH']);
    expect(at(out, 21)).toMatchObject({ time: { utcMs: shanghai('2021-01-22 12:34:56') }, amountMinor: -50000, direction: 'out', counterparty: { name: '房东' }, succeeded: true });
    expect(at(out, 24)).toMatchObject({
      amountMinor: 10010,
      direction: null,
      directionRaw: '/',
      summary: '零钱提现',
      counterparty: { name: '招商银行()' },
      memo: '服务费¥0.10',
      txnNo: '207210715100077148235523883175',
      logNo: undefined,
    });
  });

  it('XLSX with two sheets (Power Query copy and official layout with numeric amounts): 27 + 27 rows', async () => {
    const out = await importBill('double-entry-generator/wechat/wechat-bill-records.xlsx', 'wechat.bill');
    expect(out.txns).toHaveLength(54);
    expect(out.txns.filter((t) => t.sheet === 'example-wechat-records')).toHaveLength(27);
    expect(out.txns.filter((t) => t.sheet === 'Sheet1')).toHaveLength(27);
    expect(out.errors).toEqual([]);
    expect(out.warnings.slice(1)).toEqual([{ type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '微信支付账单：账单注明共43笔记录，实际有 27 行（工作表“example-wechat-records”）' }, { type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '微信支付账单：账单注明共10笔记录，实际有 27 行（工作表“Sheet1”）' }]);
    expect(at(out, 19, 'Sheet1')).toMatchObject({ account: { number: '测试' }, amountMinor: -2816, direction: 'out', time: { utcMs: shanghai('2019-09-26 12:45:27') } });
    // numeric cells: 548.58000000000004 and 7.0000000000000007E-2 in the file
    expect(at(out, 28, 'Sheet1')).toMatchObject({ amountMinor: 54858, direction: null, summary: '信用卡还款' });
    expect(at(out, 38, 'Sheet1')).toMatchObject({ amountMinor: 7, direction: 'in', counterparty: { name: '打开拼多多，点击底部"多多视频"' } });
    expect(at(out, 28, 'example-wechat-records')).toMatchObject({ amountMinor: 54858, direction: null });
  });

  it('edited real export (Beancount-Trans): 37 rows, second 备注 column, mixed ¥/￥, doubled quotes', async () => {
    const out = await importBill('Beancount-Trans-Backend/完整测试_微信.csv', 'wechat.bill');
    expect(out.txns).toHaveLength(37);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([{ type: 'warning', code: 'ACCOUNT_IS_NICKNAME', message: '微信支付账单：账单只以微信昵称“测试用户名称”标明账户；查明微信号后请关联' }, { type: 'warning', code: 'RECORD_COUNT_MISMATCH', message: '微信支付账单：账单注明共176笔记录，实际有 37 行' }]);
    expect(at(out, 21)).toMatchObject({
      account: { kind: 'tenpay', number: '测试用户名称' },
      time: { utcMs: shanghai('2023-02-01 10:30:00') },
      amountMinor: 800,
      direction: null,
      summary: '零钱充值',
      counterparty: { name: '建设银行(5522)' },
      succeeded: true,
      memo: '银行转入零钱',
    });
    expect(at(out, 28)).toMatchObject({ amountMinor: -8800, direction: 'out', summary: '微信红包（群红包）', counterparty: { name: '发出群红包' }, channel: '招商银行(8837)' });
    expect(at(out, 39)).toMatchObject({ amountMinor: -10000, succeeded: true, memo: '充电预支付; 支付' });
    expect(at(out, 43)).toMatchObject({ amountMinor: -500, memo: '作者"丶公公的吻"的《实用工具》（该条目包含双引号）' });
  });
});

describe.skipIf(!corpusAvailable)('corpus: files of other formats are not claimed by payment formats', () => {
  const others = [
    'cn-payments/double-entry-generator/huobi/huobi-spot-trades.csv',
    'cn-payments/double-entry-generator/jd/jd-pay-records.csv',
    'cn-payments/double-entry-generator/meituan/meituan-records.csv',
    'cn-payments/double-entry-generator/oklink/oklink-token-transfer.csv',
    // WeChat Pay HK records captured from the app's API as JSON: not a bill export, read here as text like ingest would
    'cn-payments/preciouss/wechathk_sample.json',
    'cn-bank/double-entry-generator/abc/abc-debit-records.csv',
    'cn-bank/double-entry-generator/boc/boc-credit-records.csv',
    'cn-bank/double-entry-generator/boc/boc-debit-records.csv',
    'cn-bank/double-entry-generator/bocom/bocom-credit-records.csv',
    'cn-bank/double-entry-generator/bocom/bocom-debit-records.csv',
    'cn-bank/double-entry-generator/cgb/cgb-credit-records.csv',
    'cn-bank/double-entry-generator/cib/cib-debit-cny-records.xlsx',
    'cn-bank/double-entry-generator/cib/cib-debit-usd-records.xlsx',
    'cn-bank/double-entry-generator/cmb/cmb-credit-records.csv',
    'cn-bank/double-entry-generator/cmb/cmb-debit-records.csv',
    'cn-bank/double-entry-generator/icbc/icbc-credit-records.csv',
    'cn-bank/double-entry-generator/icbc/icbc-debit-v1-records.csv',
    'cn-bank/double-entry-generator/icbc/icbc-debit-v2-records.csv',
    'cn-bank/double-entry-generator/securities/htsec-trades.xlsx',
  ];
  it.each(others)('%s', async (relative) => {
    const loaded = await loadFile(join(CORPUS_DIR, relative), CORPUS_DIR);
    expect(detectFormats(detectInput(loaded), PAYMENT_FORMATS)).toEqual([]);
  });
});
