import type { FootnoteDefinition, Nodes, Paragraph, Root, RootContent } from 'mdast'

/**
 * Shows GFM footnotes as written: a reference as `[^1]`, a definition as a paragraph starting
 * `[^1]: `. Answers are parsed block by block (see split-markdown-blocks), so a reference and its
 * definition rarely meet, and the standard rendering would drop a lone definition entirely.
 */
export function remarkInlineFootnotes() {
  return (tree: Root) => {
    inlineFootnotes(tree)
  }
}

function inlineFootnotes(node: Nodes): void {
  if (!('children' in node)) return
  const children: RootContent[] = node.children.flatMap((child): RootContent[] => {
    inlineFootnotes(child)
    if (child.type === 'footnoteReference') {
      return [{ type: 'text', value: `[^${child.label ?? child.identifier}]` }]
    }
    if (child.type === 'footnoteDefinition') return definitionAsContent(child)
    return [child]
  })
  // Each replacement is content of the same kind its parent already accepts.
  ;(node as { children: RootContent[] }).children = children
}

function definitionAsContent(definition: FootnoteDefinition): RootContent[] {
  const label = `[^${definition.label ?? definition.identifier}]: `
  const [first, ...rest] = definition.children
  if (first?.type === 'paragraph') {
    const paragraph: Paragraph = {
      ...first,
      children: [{ type: 'text', value: label }, ...first.children],
    }
    return [paragraph, ...rest]
  }
  const labelOnly: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: label }] }
  return [labelOnly, ...definition.children]
}
