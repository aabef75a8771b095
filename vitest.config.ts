import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests start a server and Chromium; keep the whole run within two cores.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
