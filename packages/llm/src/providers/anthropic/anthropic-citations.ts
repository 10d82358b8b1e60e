import type { Annotation } from '../../types'

/** An Anthropic citation as it comes on a text block (or in a `citations_delta`). */
export interface AnthropicCitation {
  type: string
  cited_text?: string
  url?: string
  title?: string | null
  document_title?: string | null
}

/**
 * An Anthropic citation as an annotation of the text block it came with (`start`/`end`: the
 * block's character range in the joined answer). A web search result becomes OpenAI's
 * `url_citation`; a document, page or search-result location a `citation`. The citation itself
 * is kept in `provider_data`.
 */
export function annotationOfCitation(
  citation: AnthropicCitation,
  start: number,
  end: number,
): Annotation {
  const provider_data = { ...citation } as Record<string, unknown>
  if (citation.type === 'web_search_result_location' && typeof citation.url === 'string') {
    return {
      type: 'url_citation',
      url_citation: {
        url: citation.url,
        title: citation.title ?? '',
        start_index: start,
        end_index: end,
      },
      provider_data,
    }
  }
  const title = citation.document_title ?? citation.title
  return {
    type: 'citation',
    citation: {
      ...(citation.cited_text !== undefined ? { cited_text: citation.cited_text } : {}),
      ...(title ? { title } : {}),
      start_index: start,
      end_index: end,
    },
    provider_data,
  }
}

/** The annotations of a whole message's text blocks, with offsets into the joined text. */
export function annotationsOfBlocks(
  blocks: readonly { type: string; text?: string; citations?: unknown }[],
): Annotation[] {
  const annotations: Annotation[] = []
  let offset = 0
  for (const block of blocks) {
    if (block.type !== 'text' || typeof block.text !== 'string') continue
    const end = offset + block.text.length
    for (const citation of (block.citations ?? []) as AnthropicCitation[]) {
      annotations.push(annotationOfCitation(citation, offset, end))
    }
    offset = end
  }
  return annotations
}
