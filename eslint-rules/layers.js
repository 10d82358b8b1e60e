import { relative, sep } from 'node:path'

/**
 * The layers of the app and who may import whom, as docs/architecture.md ("Who may import whom")
 * describes them. Both rules of the `parallax` plugin read this table.
 *
 * - folder: where the layer lives, relative to the repository root
 * - library: the npm name other layers import the layer by, for a layer that is its own package
 *   (packages/llm is `@parallax/llm`): they use that name and its one entry, never a path
 * - layers: the layers this layer may import from (its own always included)
 * - entries: the files of this layer other layers may import by path, relative to its folder (`*`
 *   is any one file name, never a subfolder); [] when no other layer imports it by path
 * - packages: 'any' | string[] (only these) ; deny: packages never allowed
 * - builtins: whether Node built-ins (fs, node:path, …) are allowed
 */
/**
 * @typedef {{ folder: string, library?: string, layers: string[], entries: string[],
 *   packages: 'any' | string[], deny: string[], builtins: boolean }} LayerRules
 */

/** @type {Record<string, LayerRules>} */
export const LAYERS = {
  llm: {
    folder: 'packages/llm/src',
    library: '@parallax/llm',
    layers: ['llm'],
    entries: [],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom', 'better-sqlite3', 'node:sqlite'],
    builtins: true,
  },
  core: {
    folder: 'src/core',
    layers: ['core', 'llm', 'shared'],
    entries: ['index.ts'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
  // The contract is a flat set of schema modules, each public; the renderer imports them one by
  // one, because a barrel could pull every schema into its first bundle (bench:ui, initial_js_kb).
  // A subfolder of src/shared would be internal.
  shared: {
    folder: 'src/shared',
    layers: ['shared'],
    entries: ['*.ts'],
    packages: ['zod'],
    deny: [],
    builtins: false,
  },
  main: {
    folder: 'src/main',
    layers: ['main', 'core', 'llm', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['react', 'react-dom'],
    builtins: true,
  },
  preload: {
    folder: 'src/preload',
    layers: ['preload', 'shared'],
    entries: [],
    packages: ['electron'],
    deny: [],
    builtins: false,
  },
  renderer: {
    folder: 'src/renderer',
    layers: ['renderer', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['electron'],
    builtins: false,
  },
  server: {
    folder: 'src/server',
    layers: ['server', 'core', 'llm', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
}

/** @param {string} path */
const slashed = (path) => path.split(sep).join('/')

/**
 * The layer a file belongs to (a file inside its folder), if any.
 * @param {string} file @param {string} root @returns {string | undefined}
 */
export function layerOf(file, root) {
  const rel = slashed(relative(root, file))
  return Object.keys(LAYERS).find((name) => rel.startsWith(`${LAYERS[name]?.folder}/`))
}

/**
 * The layer an import resolves into; a layer's own folder (`'../core'`) counts, since it resolves
 * to the layer's index.
 * @param {string} target @param {string} root @returns {string | undefined}
 */
export function targetLayerOf(target, root) {
  const rel = slashed(relative(root, target))
  return Object.keys(LAYERS).find((name) => LAYERS[name]?.folder === rel) ?? layerOf(target, root)
}

/**
 * The layer a package specifier names, for a layer that is its own package (`@parallax/llm`, or
 * `@parallax/llm/anything` — the latter a deep import).
 * @param {string} specifier @returns {string | undefined}
 */
export function libraryLayerOf(specifier) {
  return Object.keys(LAYERS).find((name) => {
    const library = LAYERS[name]?.library
    return library !== undefined && (specifier === library || specifier.startsWith(`${library}/`))
  })
}
