import { finishReasonOf } from '../script-queue'
import type { FakeScript } from '../fake-script'
import { wireFinishOf } from '../fake-facts'
import { citationsField } from './anthropic-facts'
import { FAKE_SIGNATURE } from '../claude-thinking'

const STOP_REASONS = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
} as const

export function stopReasonOf(script: FakeScript): string {
  return wireFinishOf(script, STOP_REASONS[finishReasonOf(script)])
}

export function messageId(): string {
  return `msg_01${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 14)}`
}

export function toolUseId(script: FakeScript, index: number): string {
  return (
    script.toolCalls?.[index]?.id ??
    `toolu_01Fake${index}${Math.random().toString(36).slice(2, 12)}`
  )
}

export { FAKE_SIGNATURE }

/** Usage as Anthropic reports it: cached prompt tokens are counted apart from input_tokens. */
export function usageOf(script: FakeScript): Record<string, unknown> {
  const usage = script.usage ?? { input: 12, output: 5 }
  const cached = usage.cachedInput ?? 0
  return {
    input_tokens: usage.input - cached,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: cached,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: usage.output,
    ...(usage.reasoning !== undefined
      ? { output_tokens_details: { thinking_tokens: usage.reasoning } }
      : {}),
    service_tier: 'standard',
    inference_geo: 'not_available',
  }
}

/** The non-streaming answer: a complete `Message`. */
export function anthropicMessage(script: FakeScript, model: string): Record<string, unknown> {
  const content: Record<string, unknown>[] = []
  if (script.reasoning?.length) {
    content.push({
      type: 'thinking',
      thinking: script.reasoning.join(''),
      signature: FAKE_SIGNATURE,
    })
  }
  if (script.text?.length)
    content.push({ type: 'text', text: script.text.join(''), ...citationsField(script) })
  script.toolCalls?.forEach((call, index) => {
    const args = call.argumentFragments.join('')
    content.push({
      type: 'tool_use',
      id: toolUseId(script, index),
      name: call.name,
      input: args ? (JSON.parse(args) as unknown) : {},
      caller: { type: 'direct' },
    })
  })
  return {
    model,
    id: messageId(),
    type: 'message',
    role: 'assistant',
    content,
    stop_reason: stopReasonOf(script),
    stop_sequence: null,
    stop_details: null,
    usage: usageOf(script),
  }
}
