import { extractChatAmounts } from '../../../money/index';

/**
 * The amount a transfer or red-packet message states, in 分: the first amount written with a yuan marker
 * (`¥100.00`, `￥100`, `100元`, `100块`). A bare number is not taken: `[转账]已收款 2` says nothing about money.
 */
export function statedAmountMinor(text: string): number | undefined {
  const marked = extractChatAmounts(text, { minBareYuan: 0.01 }).find((amount) => amount.evidence === 'currency' && amount.currency === 'CNY');
  return marked?.minor;
}
