import type { Candidate, GenerateContentResponse } from '@google/genai'
import type { ChatCompletionChunk, TokenLogprob } from '../../types'
import { googleFacts, tokenLogprobsOf } from './map-google-facts'

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
  private last: GenerateContentResponse = {} as GenerateContentResponse

  add(event: GenerateContentResponse, candidate: Candidate | undefined): void {
    if (event.promptFeedback) this.last = event
    if (!candidate) return
    for (const part of candidate.content?.parts ?? []) {
      if (typeof part.text === 'string' && !part.thought && !part.functionCall)
        this.text += part.text
    }
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
