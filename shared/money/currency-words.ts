/** Currency markers written before or after an amount, longest first so that 港元 wins over 元. */
export const CURRENCY_PREFIXES: readonly (readonly [RegExp, string])[] = [
  [/^(?:人民币|RMB|CNY|¥)/i, 'CNY'],
  [/^(?:US\$|USD|\$|美元)/i, 'USD'],
  [/^(?:HK\$|HKD|港币|港元)/i, 'HKD'],
  [/^(?:EUR|€|欧元)/i, 'EUR'],
];

export const CURRENCY_SUFFIXES: readonly (readonly [RegExp, string])[] = [
  [/(?:港币|港元|HKD)$/i, 'HKD'],
  [/(?:美元|美金|USD)$/i, 'USD'],
  [/(?:欧元|EUR)$/i, 'EUR'],
  [/(?:人民币|元整|元|RMB|CNY)$/i, 'CNY'],
];
