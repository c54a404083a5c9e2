import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds of the corpus and the headless browser take seconds, not milliseconds.
    testTimeout: 30_000,
    hookTimeout: 60_000
  }
})
