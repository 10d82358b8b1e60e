import type { FakeScript } from '../fake-script'

/**
 * The scripted citations as Anthropic's web search cites a text block
 * (`web_search_result_location`; `cited_text` is the answer text they support).
 */
export function anthropicCitations(script: FakeScript): Record<string, unknown>[] {
  const text = script.text?.join('') ?? ''
  return (script.facts?.citations ?? []).map((citation, position) => ({
    type: 'web_search_result_location',
    cited_text: text,
    url: citation.url,
    title: citation.title,
    encrypted_index: `EpMBCioIBhgCIiQ0NGFlNjc2Yy1fake${position}`,
  }))
}

/** The `citations` field of a non-streamed text block, when the script cites. */
export function citationsField(script: FakeScript): { citations?: Record<string, unknown>[] } {
  const citations = anthropicCitations(script)
  return citations.length ? { citations } : {}
}
