import { layerBoundaries } from './layer-boundaries.js'
import { publicEntries } from './public-entries.js'
import { testKitImports } from './test-kit-imports.js'

/** The `parallax` ESLint plugin: the import rules of docs/architecture.md and docs/renderer.md. */
export default {
  rules: {
    'layer-boundaries': layerBoundaries,
    'public-entries': publicEntries,
    'test-kit-imports': testKitImports,
  },
}
