import { builtinModules } from 'node:module'
import { dirname, relative, resolve } from 'node:path'
import { importSourceListeners } from './import-sources.js'
import { LAYERS, layerOf, libraryLayerOf, targetLayerOf } from './layers.js'

/**
 * Enforces the import rules of docs/architecture.md ("Who may import whom"): which src/ folders,
 * which layers, which npm packages and whether Node built-ins each layer may import (the LAYERS
 * table). Through
 * which file another layer may be used is the sibling rule `parallax/public-entries`.
 */

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
 * @param {string} layer @param {import('./layers.js').LayerRules} rules @param {string} specifier
 * @param {string} file @param {string} root @returns {string | undefined}
 */
function check(layer, rules, specifier, file, root) {
  const isTest = TEST_FILE.test(file)
  const self = rules.folder
  const allowed = `allowed: ${rules.layers.map((name) => LAYERS[name]?.folder).join(', ')}`
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = resolve(dirname(file), specifier)
    const targetLayer = targetLayerOf(target, root)
    if (targetLayer === undefined) {
      if (isTest && isInside(target, resolve(root, 'test'))) return undefined
      return `${self} may not import files outside the layers (${specifier}).`
    }
    if (!rules.layers.includes(targetLayer)) {
      return `${self} may not import ${LAYERS[targetLayer]?.folder} ("${specifier}"); ${allowed} (see docs/architecture.md).`
    }
    return undefined
  }
  const libraryLayer = libraryLayerOf(specifier)
  if (libraryLayer === layer) {
    return `${self} may not import its own package by name ("${specifier}"); use a relative path.`
  }
  if (libraryLayer !== undefined && !rules.layers.includes(libraryLayer)) {
    return `${self} may not import ${LAYERS[libraryLayer]?.folder} ("${specifier}"); ${allowed} (see docs/architecture.md).`
  }
  if (isTest && TEST_PACKAGES.has(packageName(specifier))) return undefined
  if (rules.deny.includes(specifier) || rules.deny.includes(packageName(specifier))) {
    return `${self} may not import "${specifier}" (see docs/architecture.md).`
  }
  if (isBuiltin(specifier)) {
    return rules.builtins ? undefined : `${self} may not import Node built-in "${specifier}".`
  }
  if (rules.packages !== 'any' && !rules.packages.includes(packageName(specifier))) {
    return `${self} may import only ${rules.packages.join(', ')} from npm, not "${specifier}".`
  }
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const layerBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the imports docs/architecture.md allows it.' },
    schema: [],
    messages: { forbidden: '{{reason}}' },
  },
  create(context) {
    const file = context.filename
    const root = context.cwd
    const layer = layerOf(file, root)
    const rules = layer === undefined ? undefined : LAYERS[layer]
    if (layer === undefined || rules === undefined) return {}
    return importSourceListeners((node, specifier) => {
      const reason = check(layer, rules, specifier, file, root)
      if (reason) context.report({ node, messageId: 'forbidden', data: { reason } })
    })
  },
}
