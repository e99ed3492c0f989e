import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../electron/cli/commands/start';
import { nodeTooOldMessage } from '../../../electron/core/runtime';
import { useTempDirs } from '../../support/temp-dir';

describe('npm start chooses its host without downloading anything', () => {
  const tempDir = useTempDirs();

  it('finds no Electron runtime when the package has not fetched its binary', () => {
    const root = tempDir();
    mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
    expect(electronBinary(root)).toBeNull();
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull(); // path.txt without the binary it names
  });

  it('finds the runtime once the binary is there', () => {
    const root = tempDir();
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(join(pkg, 'dist', 'electron'));
  });
});

describe('the Node version guard', () => {
  it('refuses Node 20 with a message that says how to run it, and accepts 22', () => {
    expect(nodeTooOldMessage('v20.20.2')).toMatch(/needs Node\.js 22 or newer, but this is v20\.20\.2.*npm/);
    expect(nodeTooOldMessage('v22.23.3')).toBeNull();
    expect(nodeTooOldMessage('v24.1.0')).toBeNull();
  });
});
