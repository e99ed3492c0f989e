// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The layering of ARCHITECTURE.md §3, enforced here rather than by memory:
 * shared/ is pure (no DOM, no Node, nothing outside itself); renderer/ reaches the backend only through shared/;
 * electron/core never imports Electron or the renderer; only electron/main may import `electron`.
 */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns, paths }] },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.chainsight/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Seized data is never rendered as HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Seized data is never rendered as HTML.' },
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    ['shared/**/*.ts'],
    [
      { group: ['**/electron/**', '**/renderer/**', '@shared/*'], message: 'shared/ imports only itself (relative paths).' },
      { group: ['react', 'react-dom', 'better-sqlite3', 'electron'], message: 'shared/ is environment-free.' },
    ],
    nodeBuiltins.map((name) => ({ name, message: 'shared/ uses no Node APIs.' })),
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    [{ group: ['**/electron/**', 'better-sqlite3', 'node:*'], message: 'renderer/ reaches the backend only through @shared/api.' }],
    [
      { name: 'electron', message: 'renderer/ reaches the backend only through @shared/api.' },
      ...nodeBuiltins.map((name) => ({ name, message: 'renderer/ runs in a browser sandbox.' })),
    ],
  ),
  layer(
    ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'the core is host-free.' }],
    [{ name: 'electron', message: 'electron/core runs under plain Node: only electron/main imports electron.' }],
  ),
  layer(
    ['electron/preload/**/*.ts'],
    [{ group: ['**/renderer/**', '**/electron/core/**', '**/electron/main/**'], message: 'the preload exposes one bridge object and nothing else.' }],
  ),
  layer(['electron/main/**/*.ts'], [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }]),
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{ts,mts,mjs}'],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
);
