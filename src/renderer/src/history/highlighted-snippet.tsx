import { highlightSegments } from './highlight-segments'

/** A search snippet with every match wrapped in <mark>: React nodes, never an HTML string. */
export function HighlightedSnippet({
  text,
  highlights,
}: {
  text: string
  highlights: readonly (readonly [number, number])[]
}) {
  return (
    <span className="history-snippet">
      {highlightSegments(text, highlights).map((segment, index) =>
        segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </span>
  )
}
