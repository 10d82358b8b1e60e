import { capabilities, type ModelPrice, type ProviderId, type Usage } from '@parallax/llm'
import type { RunCost, RunMetrics, RunUsagePayload } from '../../shared/run-schemas'

// Han, kana, Hangul and their punctuation: roughly one token per character in common tokenizers.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g

/** A rough token count for text without a tokenizer: 1 per CJK character, 1 per 4 others. */
export function estimateTokens(text: string): number {
  return tokensOfCounts(countCharacters(text))
}

/** CJK and other characters of a text: counts of pieces add up to the counts of the whole. */
export interface CharacterCounts {
  cjk: number
  other: number
}

export function countCharacters(text: string): CharacterCounts {
  if (!text) return { cjk: 0, other: 0 }
  const cjk = text.match(CJK)?.length ?? 0
  return { cjk, other: text.length - cjk }
}

/** estimateTokens of a text from its character counts. */
export function tokensOfCounts(counts: CharacterCounts): number {
  return counts.cjk + Math.ceil(counts.other / 4)
}

export interface MetricsInput {
  provider: string
  model: string
  /** The model whose price applies, when not `model` (an Azure deployment's base model). */
  priceModel?: string
  /** When the final attempt was sent: time to first token and total time count from here. */
  startedAt: number
  /** Time waiting for a free slot on the connection before the first send. */
  queueWaitMs?: number
  /** Failed attempts and the waits between them, before the final send. */
  retryWaitMs?: number
  firstTokenAt: number | null
  endedAt: number
  /** The provider's usage, when it sent one. */
  usage: Usage | null
  /** Text sent (system prompt + messages), for estimating input tokens. */
  promptText: string
  /** Everything generated: answer, reasoning and tool-call arguments. */
  outputText: string
  /** True when the run failed before generating anything (nothing to bill or estimate). */
  nothingGenerated: boolean
}

export interface RunFigures {
  usage: RunUsagePayload
  metrics: RunMetrics
  cost: RunCost
}

/** Time to first token, total time, tokens per second, token counts and cost of one run. */
export function computeRunFigures(input: MetricsInput): RunFigures {
  const usage = usageOf(input)
  const totalMs = Math.max(0, input.endedAt - input.startedAt)
  const ttftMs = input.firstTokenAt === null ? null : input.firstTokenAt - input.startedAt
  const generationMs = input.firstTokenAt === null ? 0 : input.endedAt - input.firstTokenAt
  const tokensPerSecond =
    usage.tokensOut && generationMs > 0 ? round((usage.tokensOut * 1000) / generationMs, 2) : null
  return {
    usage,
    metrics: {
      ttftMs,
      totalMs,
      queueWaitMs: Math.max(0, input.queueWaitMs ?? 0),
      retryWaitMs: Math.max(0, input.retryWaitMs ?? 0),
      tokensPerSecond,
      tokensPerSecondEstimated: tokensPerSecond !== null && usage.estimated,
    },
    cost: costOf(input.provider, input.priceModel ?? input.model, usage),
  }
}

function usageOf(input: MetricsInput): RunUsagePayload {
  const u = input.usage
  if (u) {
    return {
      tokensIn: u.prompt_tokens,
      tokensOut: u.completion_tokens,
      tokensReasoning: u.completion_tokens_details?.reasoning_tokens ?? null,
      tokensCached: u.prompt_tokens_details?.cached_tokens ?? null,
      estimated: false,
    }
  }
  if (input.nothingGenerated) {
    return {
      tokensIn: null,
      tokensOut: null,
      tokensReasoning: null,
      tokensCached: null,
      estimated: false,
    }
  }
  return {
    tokensIn: estimateTokens(input.promptText),
    tokensOut: estimateTokens(input.outputText),
    tokensReasoning: null,
    tokensCached: null,
    estimated: true,
  }
}

/** The catalog price of a model, or undefined when the catalog has none (or the provider is unknown). */
export function priceOf(provider: string, model: string): ModelPrice | undefined {
  try {
    return capabilities(provider as ProviderId, model).price
  } catch {
    return undefined
  }
}

/**
 * price × tokens. Cached input tokens are part of tokensIn (OpenAI's convention, which the
 * library follows for every provider) and are charged at the cached price when the catalog has one.
 */
export function costOf(provider: string, model: string, usage: RunUsagePayload): RunCost {
  if (usage.tokensIn === null && usage.tokensOut === null) {
    return { usd: null, estimated: false, priceUnknown: false }
  }
  const price = priceOf(provider, model)
  if (!price) return { usd: null, estimated: true, priceUnknown: true }
  return { usd: priceTokens(price, usage), estimated: usage.estimated, priceUnknown: false }
}

/** USD for token counts at a catalog price (cached input at the cached price when there is one). */
export function priceTokens(
  price: ModelPrice,
  usage: Pick<RunUsagePayload, 'tokensIn' | 'tokensOut' | 'tokensCached'>,
): number {
  const tokensIn = usage.tokensIn ?? 0
  const cached = Math.min(usage.tokensCached ?? 0, tokensIn)
  const cachedPrice = price.cachedInputPerMTok ?? price.inputPerMTok
  const usd =
    ((tokensIn - cached) * price.inputPerMTok +
      cached * cachedPrice +
      (usage.tokensOut ?? 0) * price.outputPerMTok) /
    1_000_000
  return round(usd, 8)
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
