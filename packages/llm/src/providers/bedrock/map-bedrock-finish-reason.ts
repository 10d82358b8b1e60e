import { withHint } from '../../errors/hint-codes'
import { LlmError } from '../../errors/llm-error'
import type { FinishReason } from '../../types'

/** Bedrock's stopReason as an OpenAI finish_reason; malformed output is an error, not an end. */
export function mapBedrockFinishReason(stopReason: string | undefined): FinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length'
    case 'tool_use':
      return 'tool_calls'
    case 'guardrail_intervened':
    case 'content_filtered':
      return 'content_filter'
    case 'malformed_model_output':
    case 'malformed_tool_use':
      throw new LlmError({
        kind: 'server',
        provider: 'bedrock',
        code: stopReason,
        message: `The model produced malformed ${stopReason === 'malformed_tool_use' ? 'tool call' : 'output'} (stopReason ${stopReason}).`,
        ...withHint(
          'retry_or_simplify',
          'Retry the request; if it keeps happening, simplify the tool schemas or the prompt.',
        ),
      })
    default:
      return 'stop'
  }
}
