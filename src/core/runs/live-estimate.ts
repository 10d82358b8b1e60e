import type { ModelPrice } from '@parallax/llm'
import type { RunLiveFigures } from '../../shared/run-schemas'
import {
  countCharacters,
  estimateTokens,
  priceOf,
  priceTokens,
  round,
  tokensOfCounts,
  type CharacterCounts,
} from './run-metrics'

/**
 * A rate over less time than this swings wildly (a batch of a few tokens right after the first
 * one); the speed shows once the run has generated for this long.
 */
export const MIN_RATE_WINDOW_MS = 500

/**
 * A streaming run's tokens, speed and cost so far, for each run.delta: the same estimator the
 * run's end falls back on, kept as running character counts so each batch costs only its own
 * length, and the catalog price looked up once.
 */
export class LiveEstimate {
  private readonly tokensIn: number
  private readonly price: ModelPrice | undefined
  private readonly counts: CharacterCounts = { cjk: 0, other: 0 }

  constructor(provider: string, model: string, promptText: string) {
    this.tokensIn = estimateTokens(promptText)
    this.price = priceOf(provider, model)
  }

  /** Counts a batch of generated text; returns the figures as of `now`. */
  add(text: string, firstTokenAt: number | null, now: number): RunLiveFigures {
    const added = countCharacters(text)
    this.counts.cjk += added.cjk
    this.counts.other += added.other
    const tokensOut = tokensOfCounts(this.counts)
    const generationMs = firstTokenAt === null ? 0 : now - firstTokenAt
    return {
      tokensIn: this.tokensIn,
      tokensOut,
      tokensPerSecond:
        generationMs >= MIN_RATE_WINDOW_MS ? round((tokensOut * 1000) / generationMs, 2) : null,
      costUsd: this.price
        ? priceTokens(this.price, { tokensIn: this.tokensIn, tokensOut, tokensCached: null })
        : null,
    }
  }
}
