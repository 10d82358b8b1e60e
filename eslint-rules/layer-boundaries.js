import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'

/**
 * Enforces the import rules of ARCHITECTURE.md ("Layout and who may import whom"): which
 * src/ folders, which npm packages and whether Node built-ins each layer may import.
 *
 * - layers: the src/ folders this layer may import from (its own folder always included)
 * - packages: 'any' | string[] (only these) ; deny: packages never allowed
 * - builtins: whether Node built-ins (fs, node:path, …) are allowed
 */
/** @typedef {{ layers: string[], packages: 'any' | string[], deny: string[], builtins: boolean }} LayerRules */

/** @type {Record<string, LayerRules>} */
export const LAYERS = {
  llm: {
    layers: ['llm'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom', 'better-sqlite3', 'node:sqlite'],
    builtins: true,
  },
  core: {
    layers: ['core', 'llm', 'shared'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
  shared: { layers: ['shared'], packages: ['zod'], deny: [], builtins: false },
  main: {
    layers: ['main', 'core', 'llm', 'shared'],
    packages: 'any',
    deny: ['react', 'react-dom'],
    builtins: true,
  },
  preload: { layers: ['preload', 'shared'], packages: ['electron'], deny: [], builtins: false },
  renderer: {
    layers: ['renderer', 'shared'],
    packages: 'any',
    deny: ['electron'],
    builtins: false,
  },
  server: {
    layers: ['server', 'core', 'llm', 'shared'],
    packages: 'any',
    deny: ['electron', 'react', 'react-dom'],
    builtins: true,
  },
}

const BUILTINS = new Set(builtinModules)

// Tests beside the code keep their layer's rules, but may also use the test runner, Node
// built-ins and the shared helpers in test/.
const TEST_FILE = /\.test\.tsx?$/
const TEST_PACKAGES = new Set([
  'vitest',
  'node:fs',
  'node:os',
  'node:path',
  'node:http',
  'node:url',
  'eslint',
])

/** @param {string} target @param {string} folder */
function isInside(target, folder) {
  const rel = relative(folder, target)
  return rel !== '' && !rel.startsWith('..')
}

/** @param {string} file @param {string} root @returns {string | undefined} */
function layerOf(file, root) {
  const rel = relative(root, file).split(sep)
  return rel[0] === 'src' && rel.length > 2 ? rel[1] : undefined
}

/** @param {string} specifier */
function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

/** @param {string} specifier */
function isBuiltin(specifier) {
  return specifier.startsWith('node:') || BUILTINS.has(packageName(specifier))
}

/**
 * @param {string} layer @param {LayerRules} rules @param {string} specifier
 * @param {string} file @param {string} root @returns {string | undefined}
 */
function check(layer, rules, specifier, file, root) {
  const isTest = TEST_FILE.test(file)
  const allowed = `allowed: ${rules.layers.map((name) => `src/${name}`).join(', ')}`
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolve(dirname(file), specifier)
    const targetLayer = layerOf(target, root)
    if (targetLayer === undefined) {
      if (isTest && isInside(target, resolve(root, 'test'))) return undefined
      return `src/${layer} may not import files outside src/ ("${specifier}").`
    }
    if (!rules.layers.includes(targetLayer)) {
      return `src/${layer} may not import src/${targetLayer} ("${specifier}"); ${allowed} (see ARCHITECTURE.md).`
    }
    return undefined
  }
  if (isTest && TEST_PACKAGES.has(packageName(specifier))) return undefined
  if (rules.deny.includes(specifier) || rules.deny.includes(packageName(specifier))) {
    return `src/${layer} may not import "${specifier}" (see ARCHITECTURE.md).`
  }
  if (isBuiltin(specifier)) {
    return rules.builtins ? undefined : `src/${layer} may not import Node built-in "${specifier}".`
  }
  if (rules.packages !== 'any' && !rules.packages.includes(packageName(specifier))) {
    return `src/${layer} may import only ${rules.packages.join(', ')} from npm, not "${specifier}".`
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each src/ folder to the imports ARCHITECTURE.md allows it.' },
    schema: [],
    messages: { forbidden: '{{reason}}' },
  },
  create(context) {
    const file = context.filename
    const root = context.cwd
    const layer = layerOf(file, root)
    const rules = layer === undefined ? undefined : LAYERS[layer]
    if (layer === undefined || rules === undefined) return {}

    /** @param {any} node */
    const visit = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return
      const reason = check(layer, rules, node.value, file, root)
      if (reason) context.report({ node, messageId: 'forbidden', data: { reason } })
    }
    return {
      ImportDeclaration: (node) => visit(node.source),
      ExportNamedDeclaration: (node) => visit(node.source),
      ExportAllDeclaration: (node) => visit(node.source),
      ImportExpression: (node) => visit(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          visit(node.arguments[0])
      },
    }
  },
}

export default { rules: { 'layer-boundaries': layerBoundaries } }
