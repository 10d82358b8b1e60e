import { resolve } from 'node:path'

/**
 * The app's builds and tests bundle the provider library from its source, through the same one
 * entry (`@parallax/llm`) a user imports; TypeScript finds that source through the package's
 * `parallax-source` export condition (tsconfig.base.json `customConditions`).
 */
export const libraryAlias = {
  find: /^@parallax\/llm$/,
  // From the repository root, where every build and test runs (as the configs' other paths).
  replacement: resolve('packages/llm/src/index.ts'),
}
