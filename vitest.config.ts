import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One Vite dev server for every browser test file: parallel servers race to pre-bundle into one cache.
    globalSetup: ['tests/e2e/sharedServer.ts'],
  },
});
