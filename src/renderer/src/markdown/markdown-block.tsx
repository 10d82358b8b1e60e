import { memo } from 'react'
import Markdown, { type UrlTransform } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { CodeBlock } from './code-block'
import { ALLOWED_ELEMENTS, MARKDOWN_COMPONENTS } from './markdown-components'
import { parseFencedCodeBlock } from './markdown-fences'
import { remarkInlineFootnotes } from './remark-inline-footnotes'
import { remarkOrphanDefinitions } from './remark-orphan-definitions'

interface MarkdownBlockProps {
  text: string
  /** The last block of an answer still streaming in. */
  growing: boolean
}

const REMARK_PLUGINS = [remarkGfm, remarkInlineFootnotes, remarkOrphanDefinitions]

/** URLs reach the link and image components unchanged; those decide what is safe to use. */
const keepUrl: UrlTransform = (url) => url

/**
 * One top-level block of an answer. Memoised on its text, so a finished block is parsed and
 * highlighted once while the answer keeps streaming below it. A block that is a whole fenced
 * code block skips Markdown parsing.
 */
export const MarkdownBlock = memo(function MarkdownBlock(props: MarkdownBlockProps) {
  const fenced = parseFencedCodeBlock(props.text)
  if (fenced) {
    return (
      <CodeBlock
        language={fenced.language}
        code={fenced.code}
        growing={props.growing && !fenced.closed}
      />
    )
  }
  return (
    <Markdown
      remarkPlugins={REMARK_PLUGINS}
      components={MARKDOWN_COMPONENTS}
      allowedElements={ALLOWED_ELEMENTS}
      unwrapDisallowed
      urlTransform={keepUrl}
    >
      {props.text}
    </Markdown>
  )
}, isSameBlock)

/** `growing` matters only to an unclosed code fence; any other block stays parsed once. */
function isSameBlock(previous: MarkdownBlockProps, next: MarkdownBlockProps): boolean {
  if (previous.text !== next.text) return false
  return previous.growing === next.growing || parseFencedCodeBlock(next.text)?.closed !== false
}
