import { defineConfig } from '@playwright/test'

/**
 * Browser specs drive the built renderer through the web host in a system Chrome/Chromium
 * (CHROME_PATH, or one found on the machine). Electron specs run where an Electron binary exists
 * and report themselves skipped, with the reason, where none does.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    { name: 'web', testMatch: /\.web\.spec\.ts$/ },
    // Plain Node against the built output (packages/llm/dist and its tarball, out/fakes): what a
    // library user runs.
    { name: 'node', testMatch: /\.node\.spec\.ts$/ },
    { name: 'electron', testMatch: /\.electron\.spec\.ts$/ },
  ],
})
