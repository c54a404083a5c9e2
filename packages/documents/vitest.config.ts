import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // Property tests and whole-article alignments take seconds when every package's tests share two cores.
    testTimeout: 30_000
  }
})
