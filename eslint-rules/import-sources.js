/**
 * Listeners that hand every module specifier of a file to `onImport`: static imports, re-exports,
 * dynamic `import()` and `require()`. Specifiers that are not string literals are skipped.
 * @param {(node: import('estree').Node, specifier: string) => void} onImport
 * @returns {import('eslint').Rule.RuleListener}
 */
export function importSourceListeners(onImport) {
  /** @param {import('estree').Node | null | undefined} node */
  const visit = (node) => {
    if (node?.type === 'Literal' && typeof node.value === 'string') onImport(node, node.value)
  }
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
        const [first] = node.arguments
        if (first?.type !== 'SpreadElement') visit(first)
      }
    },
  }
}
