import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // Fixture and fault-injection tests copy and check the whole corpus; under a full `pnpm test` on two cores a few take seconds.
    testTimeout: 30_000
  }
})
