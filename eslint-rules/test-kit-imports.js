import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { importSourceListeners } from './import-sources.js'

/**
 * The renderer's test kit (fake host, renderWithApp, fixtures) lives in src/ beside the code it
 * tests, so nothing but a path stops a screen from importing it and shipping a fake host. Only
 * tests (`*.test.ts`, `*.test.tsx`) and the kit's own files may import it.
 */

export const TEST_KIT_FOLDER = 'src/renderer/src/test-support'
const TEST_FILE = /\.test\.tsx?$/

/** @param {string} path @param {string} folder */
function isInside(path, folder) {
  const rest = relative(folder, path)
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest))
}

/** @type {import('eslint').Rule.RuleModule} */
export const testKitImports = {
  meta: {
    type: 'problem',
    docs: { description: `Only tests may import the renderer's test kit (${TEST_KIT_FOLDER}).` },
    schema: [],
    messages: {
      notATest: `"{{specifier}}" is the renderer's test kit (${TEST_KIT_FOLDER}): only tests (*.test.ts, *.test.tsx) and the kit itself may import it (see docs/renderer.md, Tests).`,
    },
  },
  create(context) {
    const file = context.filename
    const kit = resolve(context.cwd, TEST_KIT_FOLDER)
    if (TEST_FILE.test(file) || isInside(file, kit)) return {}
    return importSourceListeners((node, specifier) => {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) return
      if (!isInside(resolve(dirname(file), specifier), kit)) return
      context.report({ node, messageId: 'notATest', data: { specifier } })
    })
  },
}
