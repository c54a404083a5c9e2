import shared from '@briefs/vitest-config'
import {defineConfig, mergeConfig} from 'vitest/config'

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      // Builds of the corpus and the headless browser take seconds, not milliseconds.
      hookTimeout: 60_000
    }
  })
)
