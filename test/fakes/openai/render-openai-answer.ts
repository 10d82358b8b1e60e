import { randomBytes } from 'node:crypto'
import type { FakeScript } from '../fake-script'
import { finishReasonOf } from '../script-queue'
import { addOpenAIFacts } from './openai-facts'
import type { FakeFlavor } from './openai-fake-errors'

/** Ids, fingerprints and filter results as each flavor sends them. */
export interface AnswerContext {
  flavor: FakeFlavor
  model: string
  id: string
  created: number
  /** Choices requested with `n` (OpenAI and Azure serve them natively). */
  n: number
}

export function answerContext(flavor: FakeFlavor, model: string, n: number): AnswerContext {
  return {
    flavor,
    model: flavor === 'azure' ? `${model}-2025-04-14` : model,
    id: `chatcmpl-${randomBytes(15).toString('base64url')}`,
    created: Math.floor(Date.now() / 1000),
    n,
  }
}

const SAFE = { filtered: false, severity: 'safe' }
export const AZURE_FILTERS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE }
export const AZURE_PROMPT_FILTER = {
  choices: [],
  created: 0,
  id: '',
  model: '',
  object: '',
  prompt_filter_results: [
    {
      prompt_index: 0,
      content_filter_results: { ...AZURE_FILTERS, jailbreak: { filtered: false, detected: false } },
    },
  ],
}

export function usageOf(script: FakeScript): Record<string, unknown> | undefined {
  const usage = script.usage
  if (!usage) return undefined
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cachedInput ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoning ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  }
}

export function toolCallId(script: FakeScript, index: number): string {
  return script.toolCalls?.[index]?.id ?? `call_${randomBytes(12).toString('base64url')}`
}

/** The non-streamed `chat.completion` body. */
export function renderCompletion(script: FakeScript, ctx: AnswerContext): Record<string, unknown> {
  const finish = finishReasonOf(script)
  const text = script.text?.join('') ?? ''
  const choices = Array.from({ length: ctx.n }, (_, index) => {
    const message: Record<string, unknown> = {
      role: 'assistant',
      content: text || (script.toolCalls?.length ? null : ''),
      refusal: null,
      annotations: [],
    }
    if (ctx.flavor === 'compatible' && script.reasoning?.length) {
      message.reasoning_content = script.reasoning.join('')
    }
    if (script.toolCalls?.length) {
      message.tool_calls = script.toolCalls.map((call, i) => ({
        id: toolCallId(script, i),
        type: 'function',
        function: { name: call.name, arguments: call.argumentFragments.join('') },
      }))
    }
    const choice: Record<string, unknown> = {
      index,
      message,
      logprobs: null,
      finish_reason: finish,
    }
    if (ctx.flavor === 'azure') {
      choice.content_filter_results =
        finish === 'content_filter'
          ? { ...AZURE_FILTERS, violence: { filtered: true, severity: 'medium' } }
          : AZURE_FILTERS
    }
    addOpenAIFacts(script, choice, message)
    return choice
  })
  return {
    id: ctx.id,
    object: 'chat.completion',
    created: ctx.created,
    model: ctx.model,
    ...(ctx.flavor === 'azure'
      ? { prompt_filter_results: AZURE_PROMPT_FILTER.prompt_filter_results }
      : {}),
    choices,
    usage: usageOf(script) ?? { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    ...(ctx.flavor === 'compatible' ? {} : { service_tier: 'default' }),
    system_fingerprint: ctx.flavor === 'compatible' ? null : 'fp_a1b2c3d4e5',
  }
}
