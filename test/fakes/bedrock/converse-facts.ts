import type { FakeScript } from '../fake-script'

/** The scripted citations as Converse cites web sources (a `web` location each). */
export function converseCitations(script: FakeScript): Record<string, unknown>[] {
  const text = script.text?.join('') ?? ''
  return (script.facts?.citations ?? []).map((citation) => ({
    location: { web: { url: citation.url, domain: new URL(citation.url).hostname } },
    sourceContent: [{ text }],
    title: citation.title,
  }))
}

/**
 * The answer's text block: with citations, Converse answers with a `citationsContent` block
 * (the generated text and its citations) instead of a `text` block.
 */
export function converseTextBlock(script: FakeScript): Record<string, unknown> {
  const text = script.text?.join('') ?? ''
  const citations = converseCitations(script)
  if (!citations.length) return { text }
  return { citationsContent: { content: [{ text }], citations } }
}
