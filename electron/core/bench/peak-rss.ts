/** This process's peak resident memory so far, in MB (worker threads included). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
