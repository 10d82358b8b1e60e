import { relative, sep } from 'node:path'

/**
 * The layers of src/ and who may import whom, as docs/architecture.md ("Who may import whom")
 * describes them. Both rules of the `parallax` plugin read this table.
 *
 * - layers: the src/ folders this layer may import from (its own folder always included)
 * - entries: the files of this layer other layers may import, relative to its folder (`*` is any
 *   one file name, never a subfolder); [] when no other layer imports it
 * - packages: 'any' | string[] (only these) ; deny: packages never allowed
 * - builtins: whether Node built-ins (fs, node:path, …) are allowed
 */
/**
 * @typedef {{ layers: string[], entries: string[], packages: 'any' | string[], deny: string[],
 *   builtins: boolean }} LayerRules
 */

/** @type {Record<string, LayerRules>} */
export const LAYERS = {
  llm: {
    layers: ['llm'],
    entries: ['index.ts'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom', 'better-sqlite3', 'node:sqlite'],
    builtins: true,
  },
  core: {
    layers: ['core', 'llm', 'shared'],
    entries: ['index.ts'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
  // The contract is a flat set of schema modules, each public; the renderer imports them one by
  // one, because a barrel could pull every schema into its first bundle (bench:ui, initial_js_kb).
  // A subfolder of src/shared would be internal.
  shared: { layers: ['shared'], entries: ['*.ts'], packages: ['zod'], deny: [], builtins: false },
  main: {
    layers: ['main', 'core', 'llm', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['react', 'react-dom'],
    builtins: true,
  },
  preload: {
    layers: ['preload', 'shared'],
    entries: [],
    packages: ['electron'],
    deny: [],
    builtins: false,
  },
  renderer: {
    layers: ['renderer', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['electron'],
    builtins: false,
  },
  server: {
    layers: ['server', 'core', 'llm', 'shared'],
    entries: [],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
}

/**
 * The layer a file belongs to (`src/<layer>/…`), if any.
 * @param {string} file @param {string} root @returns {string | undefined}
 */
export function layerOf(file, root) {
  const rel = relative(root, file).split(sep)
  return rel[0] === 'src' && rel.length > 2 ? rel[1] : undefined
}

/**
 * The layer an import resolves into; a layer's own folder (`'../llm'`) counts, since it resolves
 * to the layer's index.
 * @param {string} target @param {string} root @returns {string | undefined}
 */
export function targetLayerOf(target, root) {
  const rel = relative(root, target).split(sep)
  if (rel[0] === 'src' && rel.length === 2 && rel[1] !== undefined && rel[1] in LAYERS) {
    return rel[1]
  }
  return layerOf(target, root)
}
