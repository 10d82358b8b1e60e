import type { Definition, Nodes, Paragraph, Root, RootContent } from 'mdast'

/**
 * Shows a link reference definition (`[1]: https://…`) that nothing in its block refers to as a
 * line of text with its link, instead of hiding it. Answers are parsed block by block (see
 * split-markdown-blocks), so citation lists at the end of an answer would otherwise vanish.
 */
export function remarkOrphanDefinitions() {
  return (tree: Root) => {
    const referenced = new Set<string>()
    collectReferences(tree, referenced)
    showOrphans(tree, referenced)
  }
}

function collectReferences(node: Nodes, referenced: Set<string>): void {
  if (node.type === 'linkReference' || node.type === 'imageReference') {
    referenced.add(node.identifier)
  }
  if ('children' in node) for (const child of node.children) collectReferences(child, referenced)
}

function showOrphans(node: Nodes, referenced: Set<string>): void {
  if (!('children' in node)) return
  const children: RootContent[] = node.children.map((child) => {
    showOrphans(child, referenced)
    return child.type === 'definition' && !referenced.has(child.identifier)
      ? definitionAsParagraph(child)
      : child
  })
  // A definition only appears where a paragraph may.
  ;(node as { children: RootContent[] }).children = children
}

function definitionAsParagraph(definition: Definition): Paragraph {
  return {
    type: 'paragraph',
    children: [
      { type: 'text', value: `[${definition.label ?? definition.identifier}]: ` },
      {
        type: 'link',
        url: definition.url,
        title: definition.title,
        children: [{ type: 'text', value: definition.url }],
      },
    ],
  }
}
