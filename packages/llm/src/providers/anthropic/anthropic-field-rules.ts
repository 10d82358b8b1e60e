import { noted } from '../../note-codes'
import type { ExtraField } from '../../request-fields'
import type { ParameterName, ParameterSupport } from '../../types'
import { claudeTopKRule } from '../claude/claude-parameter-rules'

/** What the Anthropic Messages API takes of the fields beyond the form parameters. */
export function anthropicFieldRules(
  _model: string,
  parameters: Readonly<Record<ParameterName, ParameterSupport>>,
): Partial<Record<ExtraField, ParameterSupport>> {
  return {
    top_k: claudeTopKRule(parameters.temperature),
    user: {
      support: 'supported',
      ...noted('sent_as', 'Sent as metadata.user_id.', { field: 'metadata.user_id' }),
    },
    parallel_tool_calls: {
      support: 'supported',
      ...noted('sent_as', 'false is sent as tool_choice.disable_parallel_tool_use.', {
        field: 'tool_choice.disable_parallel_tool_use',
      }),
    },
  }
}
