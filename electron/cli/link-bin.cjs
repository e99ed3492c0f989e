'use strict';
// npm links the bins of dependencies into node_modules/.bin but not the project's own; without this, `npx chainsight`
// inside the project would try to install the project from itself. Runs from `prepare` after the build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const binDir = path.join(root, 'node_modules', '.bin');
const target = path.join(__dirname, 'chainsight.cjs');
fs.mkdirSync(binDir, { recursive: true });

if (process.platform === 'win32') {
  fs.writeFileSync(path.join(binDir, 'chainsight.cmd'), `@"%~dp0node.cmd" "${target}" %*\r\n`);
} else {
  const link = path.join(binDir, 'chainsight');
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(binDir, target), link);
}
