import { describe, expect, it } from 'vitest'
import { BlockCitationCollector } from '../../internal/provider-kit/block-citation-collector'
import {
  annotationOfCitation,
  annotationsOfBlocks,
  type AnthropicCitation,
} from './anthropic-citations'

const DOCUMENT_CITATION = {
  type: 'char_location',
  cited_text: 'The grass is green.',
  document_index: 0,
  document_title: 'Facts',
  start_char_index: 0,
  end_char_index: 19,
}

describe('Anthropic citations as annotations', () => {
  it('places each text block’s citations over that block’s range of the joined answer', () => {
    const annotations = annotationsOfBlocks([
      { type: 'text', text: 'According to the facts, ', citations: null },
      { type: 'text', text: 'the grass is green', citations: [DOCUMENT_CITATION] },
      { type: 'tool_use' },
      { type: 'text', text: '.', citations: null },
    ])
    expect(annotations).toEqual([
      {
        type: 'citation',
        citation: {
          cited_text: 'The grass is green.',
          title: 'Facts',
          start_index: 24,
          end_index: 42,
        },
        provider_data: DOCUMENT_CITATION,
      },
    ])
  })

  it('gives a streamed block’s citations when it stops, over the text it streamed', () => {
    const collector = new BlockCitationCollector<AnthropicCitation>(annotationOfCitation)
    collector.text(0, 'Intro. ')
    expect(collector.stop(0)).toBeUndefined()
    const web = {
      type: 'web_search_result_location',
      cited_text: 'Paris is the capital',
      url: 'https://example.org/paris',
      title: 'Paris',
      encrypted_index: 'Eo8B',
    }
    collector.citation(1, web)
    collector.text(1, 'Paris is ')
    collector.text(1, 'the capital.')
    expect(collector.stop(1)).toEqual([
      {
        type: 'url_citation',
        url_citation: {
          url: 'https://example.org/paris',
          title: 'Paris',
          start_index: 7,
          end_index: 28,
        },
        provider_data: web,
      },
    ])
  })
})
