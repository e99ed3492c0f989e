#!/usr/bin/env node
'use strict';
// Launcher for the `chainsight` command: refuse old Node clearly (better-sqlite3 13 crashes on Node < 22),
// then run the bundled CLI built by `npm install` (electron-vite build → out/main/cli.js).
const major = Number(process.versions.node.split('.')[0]);
if (!process.versions.electron && major < 22) {
  process.stderr.write(
    `Chainsight needs Node.js 22 or newer, but this is ${process.version}. ` +
      'Run it through npm (npm start, npx chainsight …), which uses the project-local Node 22 installed by npm install.\n',
  );
  process.exit(1);
}
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('Chainsight is not built yet: run `npm install` (or `npm run build`) in the project folder.\n');
  process.exit(1);
}
require(cli);
