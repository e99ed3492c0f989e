/** better-sqlite3 13 crashes on Node < 22; say so clearly instead (Electron 45 embeds Node 22, so it passes). */
export const MIN_NODE_MAJOR = 22;

export function nodeTooOldMessage(version: string): string | null {
  const major = Number(version.replace(/^v/, '').split('.')[0]);
  if (Number.isFinite(major) && major >= MIN_NODE_MAJOR) return null;
  return (
    `Chainsight needs Node.js ${MIN_NODE_MAJOR} or newer, but this is ${version}. ` +
    'Run it through npm (npm start, npx chainsight …), which uses the project-local Node 22 installed by npm install.'
  );
}

export function assertSupportedNode(): void {
  const message = nodeTooOldMessage(process.version);
  if (message !== null) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
