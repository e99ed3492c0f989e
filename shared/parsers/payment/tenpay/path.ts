import { analyseResidentId, normaliseMobile } from '../../../ids/index';

/**
 * What the 财付通/微信 return folder tree says about a file: `…/IDCARD/<身份证号>/<微信号>/TenpayTrades.txt` (queried by
 * ID card) and `WX…/IPHONE/<手机号>/WX登录轨迹.txt` (queried by phone).
 */
export interface TenpayPathFacts {
  idCard?: string;
  /** the account folder under the ID card folder (微信号/别名) */
  accountDir?: string;
  phone?: string;
}

export function tenpayPathFacts(relPath: string): TenpayPathFacts {
  const parts = relPath.split('/').filter((part) => part !== '');
  const facts: TenpayPathFacts = {};
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    const upper = part.toUpperCase();
    if (upper === 'IDCARD' && next !== undefined) {
      const id = analyseResidentId(next);
      if (id !== null && id.format !== 'masked') facts.idCard = id.normalized;
      const accountDir = parts[index + 2];
      // the folder after the ID card, unless it is the file itself
      if (accountDir !== undefined && index + 2 < parts.length - 1) facts.accountDir = accountDir;
    }
    if ((upper === 'IPHONE' || upper === 'PHONE' || upper === 'MOBILE') && next !== undefined) {
      const phone = normaliseMobile(next);
      if (phone !== null) facts.phone = phone.normalized;
    }
  });
  return facts;
}
