import {fileURLToPath} from 'node:url'
import {defineConfig} from 'vitest/config'

/** What every package's tests share; a package's `vitest.config.ts` merges its own settings in. */
export default defineConfig({
  test: {
    // Property tests, real git repositories and whole builds take seconds when every package's tests share two cores.
    testTimeout: 30_000,
    setupFiles: [fileURLToPath(new URL('./setup.js', import.meta.url))],
    globalSetup: [fileURLToPath(new URL('./temporary.js', import.meta.url))]
  }
})
