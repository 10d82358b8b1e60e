export interface Segment {
  text: string
  highlighted: boolean
}

/**
 * Cuts `text` at the [start, end) ranges of `highlights` (UTF-16 offsets). Ranges from the host
 * are sorted and disjoint, but any order, overlap or out-of-range offset is tolerated here.
 */
export function highlightSegments(
  text: string,
  highlights: readonly (readonly [number, number])[],
): Segment[] {
  const ranges = highlights
    .map(([start, end]) => [clamp(start, text.length), clamp(end, text.length)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  const segments: Segment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (end <= at) continue
    const from = Math.max(start, at)
    if (from > at) segments.push({ text: text.slice(at, from), highlighted: false })
    segments.push({ text: text.slice(from, end), highlighted: true })
    at = end
  }
  if (at < text.length) segments.push({ text: text.slice(at), highlighted: false })
  return segments
}

function clamp(offset: number, length: number): number {
  return Math.min(Math.max(Math.trunc(offset), 0), length)
}
