import { statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { importSourceListeners } from './import-sources.js'
import { LAYERS, layerOf, libraryLayerOf, targetLayerOf } from './layers.js'

/**
 * Enforces docs/architecture.md ("Who may import whom"): a layer uses another layer only through
 * that layer's public entries (`entries` in the LAYERS table), as VS Code's no-deep-import does.
 * The provider library (packages/llm) is its own package: the app uses it only by its name,
 * `@parallax/llm` — never by a path into packages/llm, never `@parallax/llm/<deep path>` — as any
 * user of the package would. src/core is used through src/core/index.ts. src/shared is
 * the contract itself, a flat set of schema modules: each top-level src/shared/*.ts module is
 * public (the renderer imports them one by one, where a barrel could pull every schema into its
 * first bundle), and anything in a subfolder of src/shared is internal.
 *
 * A layer's own files are never restricted. Tests beside the code (`*.test.ts`) follow the same
 * rule: they may reach their own layer's internals, and use other layers through their entries
 * (no test needs another layer's internals, so there is no exception for them). An import of a
 * layer that may not be used at all is left to `parallax/layer-boundaries`, so it is reported once.
 */

const MODULE_EXTENSION = /\.(tsx?|m?js)$/

/** @param {string} text */
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * An entry as a pattern over module paths: no extension, `*` is one file name.
 * @param {string} entry
 */
function entryPattern(entry) {
  const source = entry.replace(MODULE_EXTENSION, '').split('*').map(escapeRegExp).join('[^/]+')
  return new RegExp(`^${source}$`)
}

/** @type {Record<string, RegExp[]>} */
const ENTRY_PATTERNS = Object.fromEntries(
  Object.entries(LAYERS).map(([name, rules]) => [name, rules.entries.map(entryPattern)]),
)

/**
 * `target` as a module path inside `folder`: '/'-separated, no extension, a folder as its index.
 * @param {string} target @param {string} folder
 */
function modulePath(target, folder) {
  const isFolder = statSync(target, { throwIfNoEntry: false })?.isDirectory() === true
  const file = isFolder ? join(target, 'index') : target
  return relative(folder, file).split(sep).join('/').replace(MODULE_EXTENSION, '')
}

/**
 * @param {string} layer @param {string} specifier @param {string} file @param {string} root
 * @returns {string | undefined}
 */
function check(layer, specifier, file, root) {
  const self = LAYERS[layer]?.folder
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    const libraryLayer = libraryLayerOf(specifier)
    const library = libraryLayer === undefined ? undefined : LAYERS[libraryLayer]?.library
    if (library === undefined || libraryLayer === layer || specifier === library) return undefined
    return `${self} may use ${library} only through "${library}", not "${specifier}" (see docs/architecture.md).`
  }
  const target = resolve(dirname(file), specifier)
  const targetLayer = targetLayerOf(target, root)
  if (targetLayer === undefined || targetLayer === layer) return undefined
  if (!LAYERS[layer]?.layers.includes(targetLayer)) return undefined
  const rules = LAYERS[targetLayer]
  if (rules === undefined) return undefined
  if (rules.library !== undefined) {
    return `${self} may use ${rules.folder} only through "${rules.library}", not "${specifier}" (see docs/architecture.md).`
  }
  const path = modulePath(target, resolve(root, rules.folder))
  if (ENTRY_PATTERNS[targetLayer]?.some((pattern) => pattern.test(path))) return undefined
  const through =
    rules.entries.length === 0
      ? `a public entry, and it declares none`
      : rules.entries.map((entry) => `${rules.folder}/${entry}`).join(' or ')
  return `${self} may use ${rules.folder} only through ${through}, not "${specifier}" (see docs/architecture.md).`
}

/** @type {import('eslint').Rule.RuleModule} */
export const publicEntries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Use another src/ layer only through its public entry (no deep imports).',
    },
    schema: [],
    messages: { deepImport: '{{reason}}' },
  },
  create(context) {
    const file = context.filename
    const root = context.cwd
    const layer = layerOf(file, root)
    if (layer === undefined || LAYERS[layer] === undefined) return {}
    return importSourceListeners((node, specifier) => {
      const reason = check(layer, specifier, file, root)
      if (reason) context.report({ node, messageId: 'deepImport', data: { reason } })
    })
  },
}
