import type { Candidate } from '@google/genai'
import type { ChatCompletionChunk, TokenLogprob } from '../../types'
import { googleFacts, tokenLogprobsOf, type WithPromptFeedback } from './map-google-facts'

/**
 * Gathers a Gemini stream's facts as its events arrive (each event's tokens and citations, the
 * latest safety ratings, grounding and finishReason) and puts them on the final chunk: the raw
 * finish reason, logprobs and safety on its choice, annotations in its delta.
 */
export class GoogleFactsCollector {
  private text = ''
  private readonly tokens: TokenLogprob[] = []
  private sawLogprobs = false
  private readonly merged: Candidate = {}
  private last: WithPromptFeedback = {}

  /** The text of the answer's (non-thought) text parts, as they arrive: what citations index. */
  addText(text: string): void {
    this.text += text
  }

  /** An event's facts beyond its parts (the parts' text comes through `addText`). */
  add(event: WithPromptFeedback, candidate: Candidate | undefined): void {
    if (event.promptFeedback) this.last = event
    if (!candidate) return
    if (candidate.logprobsResult) {
      this.sawLogprobs = true
      this.tokens.push(...tokenLogprobsOf(candidate.logprobsResult))
    }
    if (candidate.finishReason) this.merged.finishReason = candidate.finishReason
    if (candidate.safetyRatings?.length) this.merged.safetyRatings = candidate.safetyRatings
    const citations = candidate.citationMetadata?.citations
    if (citations?.length) {
      this.merged.citationMetadata = {
        citations: [...(this.merged.citationMetadata?.citations ?? []), ...citations],
      }
    }
    const grounding = candidate.groundingMetadata
    if (grounding && Object.keys(grounding).length > 0) this.merged.groundingMetadata = grounding
  }

  onFinalChunk(chunk: ChatCompletionChunk): ChatCompletionChunk {
    if (this.sawLogprobs) this.merged.logprobsResult = {}
    const { annotations, ...facts } = googleFacts(this.merged, this.last, this.text, this.tokens)
    return {
      ...chunk,
      choices: chunk.choices.map((choice) => ({
        ...choice,
        ...(annotations ? { delta: { ...choice.delta, annotations } } : {}),
        ...facts,
      })),
    }
  }
}
