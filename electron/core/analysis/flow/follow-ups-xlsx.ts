import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FollowUpList } from '@shared/domain';
import { formatInZone } from '@shared/time';
import { neutraliseCell } from '../../transactions/cell-safety';

const SOURCE_LABEL: Record<string, string> = {
  'counterparty-bank': '交易明细载明的对手开户行',
  bin: '卡号 BIN 表（公开列表，供参考）',
  'number-format': '账号格式（微信/支付宝/商户号）',
  unknown: '不明',
};

const KIND_LABEL: Record<string, string> = { card: '银行卡', account: '银行账号', wechat: '微信', alipay: '支付宝', merchant: '微信商户号' };

/** Text cells as text that cannot start a formula; money as numbers in 元 with two decimals. */
const text = (value: string | null | undefined): string => neutraliseCell(value ?? '');
const yuan = (minor: number): number => minor / 100;

function stamp(zone: string): string {
  return formatInZone(Date.now(), zone).replace(/[-: ]/g, '').slice(0, 14);
}

/**
 * The 补调清单 as an XLSX workbook in the case's exports/ folder: one row per account to request, grouped by the
 * institution to ask, with what the case's accounts paid it and when; and a summary sheet per institution.
 */
export async function writeFollowUpsXlsx(list: FollowUpList, exportsDir: string, meta: { caseNumber: string; caseName: string; timeZone: string }): Promise<{ path: string; file: string }> {
  mkdirSync(exportsDir, { recursive: true });
  const file = `补调清单_${stamp(meta.timeZone)}.xlsx`;
  const path = join(exportsDir, file);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Chainsight 链察';
  const when = (utc: number | null): string => (utc === null ? '' : formatInZone(utc, meta.timeZone));

  const sheet = workbook.addWorksheet('补调清单');
  sheet.addRow([text(`补调清单 — ${meta.caseNumber} ${meta.caseName}`)]);
  sheet.addRow([text(`本案账户资金流入、但案件中尚无其交易明细的对手账户；时间为 ${meta.timeZone}；金额单位：元（${list.currency}）`)]);
  const header = sheet.addRow(['序号', '调证机构', '机构依据', '对手账卡号', '账户类型', '对手户名', '对手证件号', '卡号BIN所属行', '转入笔数', '转入金额', '首笔时间', '末笔时间', '本案付款账户']);
  header.font = { bold: true };
  let index = 0;
  for (const group of list.groups) {
    for (const account of group.accounts) {
      index += 1;
      const senders = account.senders.map((sender) => `${sender.holderName ?? ''} ${sender.number}（${sender.count} 笔，${(sender.sumMinor / 100).toFixed(2)} 元）`.trim()).join('；');
      const row = sheet.addRow([
        index,
        text(group.institution),
        text(SOURCE_LABEL[account.institutionSource] ?? account.institutionSource),
        text(account.account),
        text(KIND_LABEL[account.kind] ?? account.kind),
        text(account.holderName),
        text(account.holderId),
        text(account.binBanks.join(' / ')),
        account.count,
        yuan(account.sumMinor),
        text(when(account.firstUtc)),
        text(when(account.lastUtc)),
        text(senders),
      ]);
      row.getCell(10).numFmt = '#,##0.00';
    }
  }
  sheet.columns.forEach((column, i) => {
    column.width = [6, 28, 22, 24, 10, 18, 22, 20, 9, 14, 20, 20, 60][i] ?? 14;
  });

  const summary = workbook.addWorksheet('按机构汇总');
  summary.addRow(['调证机构', '账户数', '转入笔数', '转入金额']).font = { bold: true };
  for (const group of list.groups) summary.addRow([text(group.institution), group.accounts.length, group.count, yuan(group.sumMinor)]).getCell(4).numFmt = '#,##0.00';
  summary.addRow([text('合计'), list.accounts, list.groups.reduce((n, g) => n + g.count, 0), yuan(list.sumMinor)]).getCell(4).numFmt = '#,##0.00';
  summary.columns.forEach((column, i) => {
    column.width = [32, 10, 10, 16][i] ?? 12;
  });

  await workbook.xlsx.writeFile(path);
  return { path, file };
}
