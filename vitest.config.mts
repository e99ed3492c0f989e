import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // renderer component tests opt into a DOM with a `// @vitest-environment happy-dom` docblock
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
