import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'bin/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/setup.ts'],
    pool: 'threads',
    testTimeout: 60_000,
  },
});
