import type { ReasoningDetail, ToolCall } from '@parallax/llm'
import type { Run } from '../history'

/**
 * A run's stored tool calls as the library takes them back; entries that are not whole calls
 * (an edited or foreign file) are left out.
 */
export function toolCallsOf(run: Pick<Run, 'toolCalls'>): ToolCall[] {
  return (run.toolCalls ?? []).flatMap((value): ToolCall[] => {
    const call = value as Partial<ToolCall> | null
    const fn = call?.function
    if (!call || typeof call.id !== 'string' || !call.id) return []
    if (typeof fn?.name !== 'string' || typeof fn.arguments !== 'string') return []
    return [{ id: call.id, type: 'function', function: { name: fn.name, arguments: fn.arguments } }]
  })
}

/**
 * A run's stored reasoning_details (opaque to the app: the library decides what each provider
 * gets back); items without a string `type` and `format` are left out.
 */
export function reasoningDetailsOf(run: Pick<Run, 'reasoningDetails'>): ReasoningDetail[] {
  return (run.reasoningDetails ?? []).filter((value): value is ReasoningDetail => {
    const item = value as { type?: unknown; format?: unknown } | null
    return typeof item?.type === 'string' && typeof item.format === 'string'
  })
}
