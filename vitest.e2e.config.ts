import { defineConfig } from 'vitest/config'

// End-to-end specs drive the built renderer in Debian's Chromium through the real host.
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
