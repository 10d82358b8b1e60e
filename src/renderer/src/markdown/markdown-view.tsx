import { useMemo, useState } from 'react'
import { createBlockSplitter } from './create-block-splitter'
import { MarkdownBlock } from './markdown-block'
import './markdown.css'
import './code-highlight.css'

/**
 * Renders untrusted model output as Markdown, never as raw HTML. The text is split into
 * top-level blocks; finished blocks are memoised, so while an answer streams in only its last
 * block is parsed again.
 */
export function MarkdownView({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const [splitBlocks] = useState(createBlockSplitter)
  const blocks = useMemo(() => splitBlocks(text), [splitBlocks, text])
  return (
    <div className="markdown" aria-busy={streaming || undefined}>
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={index}
          text={block}
          growing={streaming && index === blocks.length - 1}
        />
      ))}
    </div>
  )
}
