import type { CitationsContentBlock } from '@aws-sdk/client-bedrock-runtime'
import type { Annotation } from '../../types'

/** A Converse citation (a whole one, or a stream's `delta.citation`), as the SDK gives it. */
export interface BedrockCitation {
  title?: string
  source?: string
  sourceContent?: { text?: string }[]
  location?: { web?: { url?: string; domain?: string } } | Record<string, unknown>
}

/**
 * A Converse citation as an annotation of the text it came with (`start`/`end`: that text's
 * character range in the answer). A web location becomes OpenAI's `url_citation`; a document
 * (character, page or chunk range) or a search result a `citation` whose `cited_text` is the
 * source text. The citation itself is kept in `provider_data`.
 */
export function annotationOfBedrockCitation(
  citation: BedrockCitation,
  start: number,
  end: number,
): Annotation {
  const provider_data = { ...citation } as Record<string, unknown>
  const web = (citation.location as { web?: { url?: string } } | undefined)?.web
  if (web?.url) {
    return {
      type: 'url_citation',
      url_citation: {
        url: web.url,
        title: citation.title ?? '',
        start_index: start,
        end_index: end,
      },
      provider_data,
    }
  }
  const cited = citation.sourceContent?.map((part) => part.text ?? '').join('')
  return {
    type: 'citation',
    citation: {
      ...(cited ? { cited_text: cited } : {}),
      ...(citation.title ? { title: citation.title } : {}),
      start_index: start,
      end_index: end,
    },
    provider_data,
  }
}

/**
 * A non-streamed `citationsContent` block (the answer's text when citations are on): its text,
 * and its citations as annotations over that text placed at `offset` in the answer.
 */
export function citedText(
  block: CitationsContentBlock,
  offset: number,
): { text: string; annotations: Annotation[] } {
  const text = (block.content ?? []).map((part) => part.text ?? '').join('')
  const annotations = (block.citations ?? []).map((citation) =>
    annotationOfBedrockCitation(citation as BedrockCitation, offset, offset + text.length),
  )
  return { text, annotations }
}
