import type { Annotation } from '../../types'

/**
 * Collects the citations a stream sends for its text blocks (Anthropic `citations_delta`,
 * Bedrock `delta.citation`) and gives them out as annotations when a block stops, once the
 * block's character range in the answer's text is known.
 */
export class BlockCitationCollector<Citation> {
  private length = 0
  private readonly blocks = new Map<number, { start: number; citations: Citation[] }>()

  constructor(
    private readonly toAnnotation: (citation: Citation, start: number, end: number) => Annotation,
  ) {}

  /** Text streamed for block `index`: every text delta of the answer goes through here. */
  text(index: number, text: string): void {
    this.block(index)
    this.length += text.length
  }

  citation(index: number, citation: Citation): void {
    this.block(index).citations.push(citation)
  }

  /** The annotations of a block that has just stopped, or undefined when it had none. */
  stop(index: number): Annotation[] | undefined {
    const block = this.blocks.get(index)
    this.blocks.delete(index)
    if (!block?.citations.length) return undefined
    return block.citations.map((c) => this.toAnnotation(c, block.start, this.length))
  }

  private block(index: number): { start: number; citations: Citation[] } {
    let block = this.blocks.get(index)
    if (!block) {
      block = { start: this.length, citations: [] }
      this.blocks.set(index, block)
    }
    return block
  }
}
