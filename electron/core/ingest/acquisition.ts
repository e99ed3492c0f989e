import type { SourceGrade } from '@shared/parsers/types';

/** 获取方式, 反馈单位, 请求号/文书号, 获取人, 获取时间 — editable per source; these are the defaults at import. */
export interface Acquisition {
  method: string;
  unit: string;
  requestNo: string;
  acquiredBy: string;
  acquiredAt: string;
}

const TABLE_SUFFIX = /(交易明细信息|账户信息|人员信息|子账户信息|交易明细|开户信息)(\.[a-z0-9]+)?$/i;

/**
 * What the folder and file names say: a 查控 package is one folder per request named by its 请求/任务流水号, holding
 * `<银行名称>交易明细信息.csv`; the bank is the 反馈单位 (DOMAIN.md §1.1).
 */
export function defaultAcquisition(relPath: string, fileName: string, grade: SourceGrade, operator: string): Acquisition {
  const folders = relPath.split('/').slice(0, -1);
  const requestNo = [...folders].reverse().find((segment) => /^[A-Za-z]{0,4}\d{10,}$/.test(segment)) ?? '';
  const unit = TABLE_SUFFIX.test(fileName) ? fileName.replace(TABLE_SUFFIX, '').trim() : '';
  return {
    method: grade === 'official' ? '查控平台' : '当事人提供',
    unit,
    requestNo,
    acquiredBy: operator,
    acquiredAt: '',
  };
}
