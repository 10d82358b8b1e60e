import { toJsxRuntime } from 'hast-util-to-jsx-runtime'
import { memo, useMemo, type ReactNode } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import type { GrammarName } from './code-languages'
import { highlightCode } from './highlighter'

/** Lines per separately highlighted run of a code block that is still streaming in. */
const STREAMING_CHUNK_LINES = 16

/**
 * The code's text, coloured once its grammar is loaded. A finished block is highlighted as a
 * whole, once. A block still streaming in is highlighted in fixed runs of complete lines, so an
 * update re-highlights at most the last run, and only when a line is completed; the line being
 * written stays plain until then. A construct spanning two runs (a long string or comment) may be
 * coloured wrongly until the block is finished.
 */
export function HighlightedCode(props: {
  code: string
  grammar: GrammarName | undefined
  growing: boolean
}) {
  const { code, grammar } = props
  if (!props.growing) return <HighlightedChunk code={code} grammar={grammar} />
  const lineStart = code.lastIndexOf('\n') + 1
  const chunks = splitIntoChunks(code.slice(0, lineStart), STREAMING_CHUNK_LINES)
  return (
    <>
      {chunks.map((chunk, index) => (
        <HighlightedChunk key={index} code={chunk} grammar={grammar} />
      ))}
      {code.slice(lineStart)}
    </>
  )
}

const HighlightedChunk = memo(function HighlightedChunk(props: {
  code: string
  grammar: GrammarName | undefined
}) {
  const { code, grammar } = props
  return useMemo(() => renderHighlighted(code, grammar), [code, grammar])
})

function renderHighlighted(code: string, grammar: GrammarName | undefined): ReactNode {
  const tree = grammar === undefined ? undefined : highlightCode(grammar, code)
  return tree ? toJsxRuntime(tree, { Fragment, jsx, jsxs }) : code
}

/** Runs of `size` lines, each ending with its newline but a last partial one, joining back exactly. */
export function splitIntoChunks(code: string, size: number): string[] {
  const chunks: string[] = []
  let start = 0
  let lines = 0
  for (let index = 0; index < code.length; index++) {
    if (code[index] !== '\n' || ++lines < size) continue
    chunks.push(code.slice(start, index + 1))
    start = index + 1
    lines = 0
  }
  if (start < code.length) chunks.push(code.slice(start))
  return chunks
}
