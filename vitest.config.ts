import { defineConfig } from 'vitest/config'
import { libraryAlias } from './build/library-alias.ts'

export default defineConfig({
  resolve: { alias: [libraryAlias] },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', '**/node_modules/**', 'out/**', 'packages/*/dist/**'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
})
