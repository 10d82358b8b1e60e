import type { FakeScript, FakeToolCall } from '../fake-script'
import { wireFinishOf } from '../fake-facts'
import { finishReasonOf } from '../script-queue'
import { converseCitations, converseTextBlock } from './converse-facts'

/** How Bedrock names each scripted finish reason (or the scripted stopReason itself). */
export function stopReasonOf(script: FakeScript): string {
  return wireFinishOf(script, bedrockStopReason(script))
}

function bedrockStopReason(script: FakeScript): string {
  switch (finishReasonOf(script)) {
    case 'length':
      return 'max_tokens'
    case 'tool_calls':
      return 'tool_use'
    case 'content_filter':
      return 'content_filtered'
    default:
      return 'end_turn'
  }
}

/** Bedrock reports input tokens without cache reads; totals include them. */
export function usageOf(script: FakeScript): Record<string, number> {
  const usage = script.usage ?? { input: 12, output: 5 }
  const cached = usage.cachedInput ?? 0
  return {
    inputTokens: usage.input - cached,
    outputTokens: usage.output,
    totalTokens: usage.input + usage.output,
    ...(cached ? { cacheReadInputTokens: cached, cacheWriteInputTokens: 0 } : {}),
  }
}

/** The signature the fake gives Claude's reasoning (and takes back). */
export const CONVERSE_FAKE_SIGNATURE = 'EqQBCkgIBxABGAIqQFakeSignature'

function toolId(call: FakeToolCall, index: number): string {
  return call.id ?? `tooluse_fake${index}${'A'.repeat(16)}`
}

/** The JSON body of a Converse answer. */
export function converseBody(script: FakeScript): unknown {
  const content: unknown[] = []
  if (script.reasoning?.length) {
    content.push({
      reasoningContent: {
        reasoningText: {
          text: script.reasoning.join(''),
          signature: CONVERSE_FAKE_SIGNATURE,
        },
      },
    })
  }
  if (script.text?.length) content.push(converseTextBlock(script))
  script.toolCalls?.forEach((call, i) => {
    content.push({
      toolUse: {
        toolUseId: toolId(call, i),
        name: call.name,
        input: JSON.parse(call.argumentFragments.join('') || '{}'),
      },
    })
  })
  return {
    metrics: { latencyMs: 321 },
    output: { message: { role: 'assistant', content } },
    stopReason: stopReasonOf(script),
    usage: usageOf(script),
  }
}

export interface StreamEvent {
  type: string
  payload: Record<string, unknown>
  /** Counts towards cutAfterEvents / stallAfterEvents / errorEventAfterEvents. */
  content: boolean
}

/** The ConverseStream events of a script, in Bedrock's order. */
export function converseStreamEvents(script: FakeScript): StreamEvent[] {
  const events: StreamEvent[] = [
    { type: 'messageStart', payload: { role: 'assistant' }, content: false },
  ]
  let index = 0
  const delta = (payload: unknown): StreamEvent => ({
    type: 'contentBlockDelta',
    payload: { contentBlockIndex: index, delta: payload },
    content: true,
  })
  const stop = (): StreamEvent => ({
    type: 'contentBlockStop',
    payload: { contentBlockIndex: index++ },
    content: false,
  })

  if (script.reasoning?.length) {
    for (const text of script.reasoning) events.push(delta({ reasoningContent: { text } }))
    events.push({
      ...delta({ reasoningContent: { signature: CONVERSE_FAKE_SIGNATURE } }),
      content: false,
    })
    events.push(stop())
  }
  if (script.text?.length) {
    for (const citation of converseCitations(script))
      events.push({ ...delta({ citation }), content: false })
    for (const text of script.text) events.push(delta({ text }))
    events.push(stop())
  }
  script.toolCalls?.forEach((call, i) => {
    events.push({
      type: 'contentBlockStart',
      payload: {
        contentBlockIndex: index,
        start: { toolUse: { toolUseId: toolId(call, i), name: call.name } },
      },
      content: false,
    })
    for (const input of call.argumentFragments) events.push(delta({ toolUse: { input } }))
    events.push(stop())
  })
  events.push({
    type: 'messageStop',
    payload: { stopReason: stopReasonOf(script) },
    content: false,
  })
  events.push({
    type: 'metadata',
    payload: { usage: usageOf(script), metrics: { latencyMs: 321 } },
    content: false,
  })
  return events
}

const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** Real frames carry a random-length `p` field (padding against length side channels). */
export function withPadding(payload: Record<string, unknown>, n: number): Record<string, unknown> {
  return { ...payload, p: PADDING.slice(0, 1 + ((n * 17) % PADDING.length)) }
}
