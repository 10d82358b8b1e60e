import { randomBytes } from 'node:crypto'
import type { FakeScript } from '../fake-script'
import { wireFinishOf } from '../fake-facts'
import { finishReasonOf } from '../script-queue'
import { openAIFactDeltas, streamLogprobs } from './openai-facts'
import {
  AZURE_FILTERS,
  AZURE_PROMPT_FILTER,
  type AnswerContext,
  toolCallId,
  usageOf,
} from './render-openai-answer'

export interface StreamEvent {
  /** The `data:` payload. */
  data: string
  /** Text, reasoning and tool-argument events count for cut / stall / error-after. */
  content: boolean
}

/**
 * The chunks of a streamed answer in the order the real API sends them: (Azure) the prompt
 * filter chunk, the role chunk, reasoning (compatible servers only: OpenAI and Azure never
 * stream reasoning text), text, tool calls (header, then argument fragments), the finish chunk,
 * then with include_usage a `choices: []` usage chunk. `[DONE]` is written by the caller.
 */
export function renderStreamEvents(
  script: FakeScript,
  ctx: AnswerContext,
  includeUsage: boolean,
): StreamEvent[] {
  const events: StreamEvent[] = []
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string => {
    const body: Record<string, unknown> = {
      id: ctx.id,
      object: 'chat.completion.chunk',
      created: ctx.created,
      model: ctx.model,
      ...(ctx.flavor === 'compatible'
        ? {}
        : { service_tier: 'default', system_fingerprint: 'fp_a1b2c3d4e5' }),
      choices,
      ...(ctx.flavor === 'openai'
        ? { usage: null, obfuscation: randomBytes(4).toString('hex') }
        : {}),
      ...extra,
    }
    return JSON.stringify(body)
  }
  const choice = (
    index: number,
    delta: Record<string, unknown>,
    finish: string | null = null,
    logprobs: unknown = null,
  ) => ({
    ...(ctx.flavor === 'azure' ? { content_filter_results: finish ? {} : AZURE_FILTERS } : {}),
    index,
    delta,
    logprobs,
    finish_reason: finish,
  })
  const perChoice = (
    delta: Record<string, unknown>,
    content: boolean,
    finish: string | null = null,
    logprobs: unknown = null,
  ): void => {
    for (let index = 0; index < ctx.n; index++)
      events.push({ data: chunk([choice(index, delta, finish, logprobs)]), content })
  }

  if (ctx.flavor === 'azure')
    events.push({ data: JSON.stringify(AZURE_PROMPT_FILTER), content: false })
  const toolsOnly = !!script.toolCalls?.length && !script.text?.length
  perChoice({ role: 'assistant', content: toolsOnly ? null : '', refusal: null }, false)
  if (ctx.flavor === 'compatible') {
    for (const text of script.reasoning ?? []) perChoice({ reasoning_content: text }, true)
  }
  for (const [position, text] of (script.text ?? []).entries())
    perChoice({ content: text }, true, null, streamLogprobs(script, position))
  script.toolCalls?.forEach((call, index) => {
    const id = toolCallId(script, index)
    perChoice(
      {
        tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }],
      },
      false,
    )
    for (const fragment of call.argumentFragments) {
      perChoice({ tool_calls: [{ index, function: { arguments: fragment } }] }, true)
    }
  })
  for (const delta of openAIFactDeltas(script)) perChoice(delta, false)
  perChoice({}, false, wireFinishOf(script, finishReasonOf(script)))
  if (includeUsage) {
    events.push({ data: chunk([], { usage: usageOf(script) ?? null }), content: false })
  }
  return events
}

/** What OpenAI sends inside a 200 stream when the model fails after it started. */
export const IN_STREAM_ERROR = JSON.stringify({
  error: {
    message: 'The server had an error while processing your request. Sorry about that!',
    type: 'server_error',
    param: null,
    code: null,
  },
})
