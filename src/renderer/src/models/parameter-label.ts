import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'

/** The name the parameters panel shows for each request parameter the library names. */
const LABELS = new Map<string, MessageKey>(
  Object.entries({
    temperature: 'params.temperature',
    top_p: 'params.topP',
    max_tokens: 'params.maxTokens',
    max_completion_tokens: 'params.maxTokens',
    n: 'params.n',
    stop: 'params.stop',
    seed: 'params.seed',
    presence_penalty: 'params.presencePenalty',
    frequency_penalty: 'params.frequencyPenalty',
    reasoning_effort: 'params.reasoningEffort',
    thinking_budget: 'reasons.param.thinkingBudget',
    tools: 'reasons.param.tools',
    tool_choice: 'reasons.param.toolChoice',
    response_format: 'reasons.param.responseFormat',
  } satisfies Record<string, MessageKey>),
)

/**
 * A parameter (or a comma-separated list of them) as the screen names it; a name it does not
 * know stays as the library wrote it.
 */
export function parameterLabel(names: string, t: Translate): string {
  return names
    .split(/\s*,\s*/)
    .map((name) => {
      const key = LABELS.get(name)
      return key ? t(key) : name
    })
    .join(', ')
}
