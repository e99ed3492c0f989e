/**
 * Payment-institution returns (DOMAIN.md §1.2, §1.3): the 财付通 IDCARD tree (TenpayTrades in 分, RegInfo, bound
 * cards) with the WeChat login trail beside it, and the 支付宝 police-return tables (注册信息, 登陆日志, 账户明细
 * split into 65,535-row parts, 余额明细).
 */
import type { Account } from './model';
import type { Cast } from './cast';
import type { Plan } from './plan';
import type { Collector } from './collector';
import type { NoiseContext } from './noise';
import { noiseEntries } from './noise';
import { ledger } from './ledger';
import { Rng } from './prng';
import { FileSink } from './sink';
import { bankInfo, ALIPAY_BANK_CODES } from './reference-data';
import { yuan } from './money';
import { DAY, HOUR, fmtDate, fmtDateTime } from './time';
import { tenpayBatch } from './serials';
import { cardNumber } from './identifiers';

export interface WalletWriteContext {
  root: string;
  seed: number;
  cast: Cast;
  plan: Plan;
  noise: NoiseContext;
  collector: Collector;
  onRows: (n: number) => void;
}

const TENPAY_HEADERS = ['用户ID', '交易单号', '大单号', '用户侧账号名称', '借贷类型', '交易业务类型', '交易用途类型', '交易时间', '交易金额(分)', '账户余额(分)', '用户银行卡号', '用户侧网银联单号', '网联/银联', '第三方账户名称', '对手方ID', '对手侧账户名称', '对手方银行卡号', '对手侧银行名称', '对手侧网银联单号', '网联/银联', '基金公司信息', '间联/非间联交易', '第三方账户名称', '对手方接收时间', '对手方接收金额(分)', '备注1', '备注2'];

export function tenpayRoot(seed: number, period: { end: number }): string {
  const rng = new Rng(`${seed}:tenpay-root`);
  const stamp = fmtDateTime(period.end + 12 * DAY + rng.int(9 * HOUR, 17 * HOUR)).replace(/[-: ]/g, '');
  return `财付通/L-${stamp}-${rng.digits(6)}/TP${rng.chars('0123456789abcdef', 16)}`;
}

export function writeTenpay(ctx: WalletWriteContext, account: Account, base: string): void {
  const person = ctx.cast.personById(account.ownerId);
  const dir = `${base}/IDCARD/${person.idNumber}/${account.walletId}`;
  const trades = new FileSink(ctx.root, `${dir}/TenpayTrades.txt`, account.encoding, '\n');
  trades.line(TENPAY_HEADERS.join('\t'));
  const rows = ledger(account, ctx.plan.legsOf(account), noiseEntries(account, person.name, ctx.noise), ctx.seed, person.name);
  let n = 0;
  for (const row of rows) {
    const e = row.e;
    if (e.t >= ctx.noise.period.end) break;
    const out = e.dir < 0;
    const bankLeg = e.ownCard !== '';
    const recvTime = out && !bankLeg ? fmtDateTime(e.t + (e.leg ? 47 : (row.seq % 600) + 3)) : '';
    const recvAmount = out && !bankLeg ? String(e.recvAmount > 0 ? e.recvAmount : e.amount) : '';
    const note1 = e.remark !== '' && e.remark !== '群红包' ? e.remark : e.walletKind === 'red-packet' ? '微信红包' : e.walletKind === 'payment' ? '扫码支付' : bankLeg ? '' : '微信转账';
    const cells = [
      account.walletId, row.serial, tenpayBatch(row.serial), account.holderName, out ? '出' : '入', e.type, e.summary, fmtDateTime(e.t),
      String(e.amount), String(row.balance), bankLeg ? e.ownCard : '', bankLeg ? `W${row.serial.slice(-18)}` : '', bankLeg ? '网联' : '', '',
      e.cpWallet, e.cpName, '', '', '', '', '', '', '', recvTime, recvAmount, note1, e.remark === '群红包' ? '群红包' : '',
    ];
    const line = trades.line(cells.join('\t'));
    ctx.collector.row(account, row, trades.path, line, null);
    n++;
  }
  const closed = trades.close();
  ctx.collector.file(closed, 'tenpay-trades', n);
  ctx.onRows(n);

  const reg = new FileSink(ctx.root, `${dir}/TenpayRegInfo.txt`, 'GB18030', '\n');
  reg.line(['账户状态', '账号', '注册姓名', '注册时间', '注册身份证号', '绑定手机', '绑定状态', '开户行信息', '银行账号'].join('\t'));
  const cards = account.boundCards.length > 0 ? account.boundCards : [''];
  for (const card of cards) {
    const bank = ctx.cast.bankOfCard(card);
    reg.line(['正常', account.walletId, account.holderName, fmtDateTime(account.openedAt), person.idNumber, account.contactPhone, card ? '已绑定' : '', bank ? bankInfo(bank).short : '', card].join('\t'));
  }
  ctx.collector.file(reg.close(), 'tenpay-registration', cards.length);
  ctx.collector.device('phone', account.contactPhone, account.id);

  const bind = new FileSink(ctx.root, `${dir}/TenpayBindCardHistory.txt`, 'GB18030', '\n');
  bind.line(['账号', '银行卡号', '银行名称', '证件号', '证件类型', '手机号', '绑定状态', '绑定时间', '解绑时间'].join('\t'));
  const rng = new Rng(`${ctx.seed}:bind:${account.id}`);
  let bindRows = 0;
  for (const card of account.boundCards) {
    const bank = ctx.cast.bankOfCard(card);
    bind.line([account.walletId, card, bank ? bankInfo(bank).short : '', person.idNumber, '身份证', account.contactPhone, '绑定', fmtDateTime(account.openedAt + rng.int(1, 400) * DAY), ''].join('\t'));
    bindRows++;
  }
  const oldBank = bankInfo(rng.pick(['ICBC', 'CCB', 'ABC', 'BOC'] as const));
  bind.line([account.walletId, cardNumber(rng, oldBank.debitBin, oldBank.debitLength), oldBank.short, person.idNumber, '身份证', account.contactPhone, '解绑', fmtDateTime(account.openedAt + DAY), fmtDateTime(account.openedAt + rng.int(30, 200) * DAY)].join('\t'));
  ctx.collector.file(bind.close(), 'tenpay-bound-cards', bindRows + 1);

  writeWechatInfo(ctx, account);
}

function writeWechatInfo(ctx: WalletWriteContext, account: Account): void {
  const person = ctx.cast.personById(account.ownerId);
  const rng = new Rng(`${ctx.seed}:wx:${account.id}`);
  const dir = `微信/WX${new Rng(`${ctx.seed}:wxroot`).chars('0123456789ABCDEF', 12)}/IPHONE/${person.phone}`;
  const info = new FileSink(ctx.root, `${dir}/regInfobasicInfo.txt`, 'UTF-8', '\n');
  info.line(['微信号', '别名', '昵称', '绑定手机', '注册时间'].join('\t'));
  info.line([account.walletId, person.wechat?.alias ?? '', person.wechat?.nickname ?? '', account.contactPhone, fmtDateTime(account.openedAt)].join('\t'));
  ctx.collector.file(info.close(), 'wechat-registration', 1);
  const trail = new FileSink(ctx.root, `${dir}/WX登录轨迹.txt`, 'UTF-8', '\n');
  trail.line(['登录时间', '登录IP'].join('\t'));
  let n = 0;
  for (let t = ctx.noise.period.start + rng.int(0, 3) * DAY; t < ctx.noise.period.end; t += rng.int(2, 6) * DAY) {
    const at = t + rng.int(7, 23) * HOUR + rng.int(0, 3_599);
    const r = rng.int(0, 9);
    const ip = r < 7 ? account.onlineIpv6 : r < 9 ? account.mobileIp : account.onlineIp;
    trail.line(`${fmtDateTime(at)} +0800 CST\t${ip}`);
    ctx.collector.device(ip.includes(':') ? 'ipv6' : 'ip', ip, account.id);
    n++;
  }
  ctx.collector.file(trail.close(), 'wechat-login-trail', n);
}

const ALIPAY_DETAIL_HEADERS = ['交易号', '商户订单号', '交易创建时间', '付款时间', '最近修改时间', '交易来源地', '类型', '用户信息', '交易对方信息', '消费名称', '金额（元）', '收/支', '交易状态', '支付方式', '充值流水号', '清算流水号', '备注', '对应的协查数据'];
const ALIPAY_BALANCE_HEADERS = ['交易订单号', '外部流水号', '账户', '对方帐户', '交易发生日期', '银行处理日期', '收入金额(+)（元）', '支出金额(-)（元）', '余额（元）', '业务类型', '交易发生地', '银行名称', '备注'];
/** old .xls exports stop at 65,536 rows including the header */
export const ALIPAY_PART_ROWS = 65_535;

function cell(value: string): string {
  const v = /^\d{15,}$/.test(value) ? `${value}\t` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(cells: readonly string[]): string {
  return cells.map(cell).join(',');
}

export function writeAlipay(ctx: WalletWriteContext, accounts: readonly Account[], folder: string, requestId: string, stamp: string): void {
  const reg = new FileSink(ctx.root, `${folder}/${requestId}_注册信息.csv`, 'GB18030');
  reg.line(csv(['用户ID', '登录邮箱', '登录手机', '账户名称', '证件类型', '证件号', '可用余额', '绑定手机', '注册时间', '注册时IP', '绑定银行卡', '关联账户', '备注', '对应的协查数据']));
  const login = new FileSink(ctx.root, `${folder}/${requestId}_登陆日志.csv`, 'GB18030');
  login.line(csv(['登陆账号', '支付宝用户ID', '账户名', '客户端ip', '操作发生时间', '对应的协查数据']));
  const ledgerSink = new FileSink(ctx.root, `${folder}/${requestId}_余额明细.csv`, 'GB18030');
  ledgerSink.line(csv(ALIPAY_BALANCE_HEADERS));
  let part = 0;
  let detail: FileSink | null = null;
  let detailRows = 0;
  let ledgerRows = 0;
  let loginRows = 0;
  const closeDetail = (): void => {
    if (!detail) return;
    ctx.collector.file(detail.close(), 'alipay-transactions', detailRows, { request: requestId });
    detail = null;
  };
  const nextDetail = (): FileSink => {
    closeDetail();
    part++;
    detailRows = 0;
    const sink = new FileSink(ctx.root, `${folder}/${requestId}_账户明细d2_${stamp}_part${part}.csv`, 'GB18030');
    sink.line(csv(ALIPAY_DETAIL_HEADERS));
    detail = sink;
    return sink;
  };
  let sink = nextDetail();
  for (const account of accounts) {
    const person = ctx.cast.personById(account.ownerId);
    const rng = new Rng(`${ctx.seed}:alipay:${account.id}`);
    const bound = account.boundCards.map((c) => {
      const bank = ctx.cast.bankOfCard(c);
      return `借记卡:${bank ? ALIPAY_BANK_CODES[bank] : 'CMB'}:${c};`;
    }).join('');
    const user = `${account.walletId}(${account.holderName})`;
    const rows = ledger(account, ctx.plan.legsOf(account), noiseEntries(account, person.name, ctx.noise), ctx.seed, person.name);
    let balance = account.openingBalance;
    let n = 0;
    for (const row of rows) {
      const e = row.e;
      if (e.t >= ctx.noise.period.end) break;
      if (detailRows >= ALIPAY_PART_ROWS) sink = nextDetail();
      const ok = row.failReason === '';
      if (ok) balance = row.balance;
      const card = e.ownCard !== '';
      const cardBank = card ? (ctx.cast.bankOfCard(e.ownCard) ?? 'CMB') : null;
      const other = card && cardBank ? `(${bankInfo(cardBank).short})${e.ownCard}` : `${e.cpWallet}(${e.cpName})`;
      const line = sink.line(csv([
        row.serial, e.walletKind === 'payment' ? `T200P${row.serial.slice(-18)}` : '', fmtDateTime(e.t - (row.seq % 50)), ok ? fmtDateTime(e.t) : '', fmtDateTime(e.t + 1),
        e.walletKind === 'payment' ? '其他（包括阿里巴巴和外部商家）' : '支付宝网站', e.type, user, other, e.summary, yuan(e.amount), e.dir > 0 ? '收入' : '支出',
        ok ? '交易成功' : '交易关闭', e.dir < 0 ? '余额' : '', card && e.dir > 0 ? `C${row.serial.slice(-20)}` : '', card && e.dir < 0 ? `Q${row.serial.slice(-20)}` : '',
        ok ? e.remark : `交易关闭:${row.failReason}`, person.idNumber,
      ]));
      detailRows++;
      n++;
      ctx.collector.row(account, row, sink.path, line, null);
      if (ok) {
        const ledgerLine = ledgerSink.line(csv([row.serial, '', account.walletId, card ? e.ownCard : e.cpWallet, fmtDateTime(e.t), fmtDate(e.t), e.dir > 0 ? yuan(e.amount) : '', e.dir < 0 ? yuan(e.amount) : '', yuan(row.balance), e.type, '', card && cardBank ? bankInfo(cardBank).short : '', e.remark]));
        ledgerRows++;
        // 余额明细 lists the same movement again under the same 交易号: an imported row, and a duplicate of the 账户明细 row
        ctx.collector.row(account, row, ledgerSink.path, ledgerLine, { account: account.id, id: row.serial, file: sink.path, line }, 'Alipay 余额明细 repeats the 账户明细 row (same 交易号)');
      }
    }
    ctx.onRows(n);
    reg.line(csv([account.walletId, '', account.walletLogin, account.holderName, '身份证', person.idNumber, yuan(balance), account.contactPhone, fmtDateTime(account.openedAt), account.onlineIp, bound, '', '', person.idNumber]));
    ctx.collector.device('phone', account.contactPhone, account.id);
    for (let t = ctx.noise.period.start + rng.int(0, 5) * DAY; t < ctx.noise.period.end; t += rng.int(3, 9) * DAY) {
      const ip = rng.chance(0.6) ? account.mobileIp : account.onlineIp;
      login.line(csv([account.walletLogin, account.walletId, account.holderName, ip, fmtDateTime(t + rng.int(7, 23) * HOUR + rng.int(0, 3_599)), person.idNumber]));
      ctx.collector.device('ip', ip, account.id);
      loginRows++;
    }
  }
  closeDetail();
  ctx.collector.file(reg.close(), 'alipay-registration', accounts.length, { request: requestId });
  ctx.collector.file(login.close(), 'alipay-logins', loginRows, { request: requestId });
  ctx.collector.file(ledgerSink.close(), 'alipay-balance-ledger', ledgerRows, { request: requestId });
}
