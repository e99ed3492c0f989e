/** Minor units → `-1,234.56` (two decimals, thousands commas), for display and exports. */
export function formatMinor(minor: number, options: { grouping?: boolean } = {}): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(3, '0');
  let int = digits.slice(0, -2);
  if (options.grouping !== false) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${int}.${digits.slice(-2)}`;
}
