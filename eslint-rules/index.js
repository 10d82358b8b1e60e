import { layerBoundaries } from './layer-boundaries.js'
import { publicEntries } from './public-entries.js'

/** The `parallax` ESLint plugin: the import rules of docs/architecture.md. */
export default {
  rules: { 'layer-boundaries': layerBoundaries, 'public-entries': publicEntries },
}
