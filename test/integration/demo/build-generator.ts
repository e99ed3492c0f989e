/**
 * Bundles the generator (TypeScript, `@shared` alias) into one ES module under node_modules/.cache so a plain
 * `node` child process can run it; dependencies stay external and resolve from the project's node_modules.
 */
import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(__dirname, '../../..');

export async function buildGeneratorChild(): Promise<string> {
  const outDir = resolve(ROOT, 'node_modules/.cache/chainsight-demo-child');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    resolve: { alias: { '@shared': resolve(ROOT, 'shared') } },
    build: {
      ssr: resolve(__dirname, 'child-entry.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'child-entry.mjs' } },
    },
  });
  return resolve(outDir, 'child-entry.mjs');
}
