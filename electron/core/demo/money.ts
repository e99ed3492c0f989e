/** Money is an integer number of 分 (minor units) throughout; these helpers only print it. */

export function yuan(minor: number, options: { thousands?: boolean; signed?: boolean } = {}): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  let wholeText = String(whole);
  if (options.thousands === true && whole >= 1000) wholeText = wholeText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = negative ? '-' : options.signed === true ? '+' : '';
  return `${sign}${wholeText}.${cents < 10 ? '0' : ''}${cents}`;
}

/** rate in basis points (1 bp = 0.01%) applied to an amount, rounded to the nearest 分 */
export function applyBp(minor: number, bp: number): number {
  return Math.round((minor * bp) / 10_000);
}

/** round to a multiple of `step` 分 (e.g. 1_000 = 10 元) */
export function roundTo(minor: number, step: number): number {
  return Math.max(step, Math.round(minor / step) * step);
}
