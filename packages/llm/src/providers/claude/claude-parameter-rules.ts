import { noted } from '../../note-codes'
import type { ParameterName, ParameterSupport } from '../../types'
import { unsupported, unsupportedEach } from '../../unsupported-codes'
import { claudeModelTraits } from '../anthropic/anthropic-model-traits'

/** The parameters whose support is the model's, whichever cloud serves it. */
export type ClaudeParameter =
  'temperature' | 'top_p' | 'reasoning_effort' | 'thinking_budget' | 'tool_choice'

/**
 * Sampling (temperature, top_p, top_k) is refused for every Claude model on every cloud:
 * - Claude Opus 4.7 and later refuse it on every API version and cloud ("Sampling parameters
 *   removed", https://platform.claude.com/docs/en/about-claude/models/migration-guide).
 * - For the older models, Anthropic API version 2026-10-21, which @anthropic-ai/sdk 1.x sends
 *   (node_modules/@anthropic-ai/sdk/client.js), rejects them with a 400 even at their defaults
 *   (https://codersera.com/blog/anthropic-api-2026-10-21-sdk-migration-guide-2026/). The only way
 *   back is to pin the deprecated 2023-06-01 (https://platform.claude.com/docs/en/api/versioning:
 *   "Previous versions are considered deprecated"), so Bedrock refuses them too: the same
 *   request configures the same model alike on both clouds.
 */
export const CLAUDE_SAMPLING_VERSION = '2026-10-21'

function samplingRules(model: string): Partial<Record<ParameterName, ParameterSupport>> {
  if (claudeModelTraits(model).thinking === 'adaptive') {
    return unsupportedEach(
      ['temperature', 'top_p'],
      'model_rejects_parameter',
      (name) => `${model} takes no sampling parameters (${name}) on any API version or cloud.`,
      { model },
    )
  }
  return unsupportedEach(
    ['temperature', 'top_p'],
    'api_version_rejects',
    () =>
      `Anthropic API version ${CLAUDE_SAMPLING_VERSION} (sent by the official SDK) rejects temperature, top_p and top_k on every model; Claude on Bedrock is configured alike.`,
    { api: 'Anthropic', version: CLAUDE_SAMPLING_VERSION },
  )
}

/**
 * The rules for the parameters a Claude model decides, the same on Anthropic and Bedrock. `model`
 * is the Anthropic id; `effortField` names where the effort travels on this cloud.
 */
export function claudeParameterRules(
  model: string,
  effortField: string,
): Pick<Record<ParameterName, ParameterSupport>, ClaudeParameter> {
  const traits = claudeModelTraits(model)
  const sampling = samplingRules(model) as Record<'temperature' | 'top_p', ParameterSupport>
  return {
    temperature: sampling.temperature,
    top_p: sampling.top_p,
    tool_choice: {
      support: 'supported',
      ...(traits.refusesForcedTools
        ? noted(
            'tool_choice_auto_only',
            'auto and none only: this model refuses forced tool use (required or a named function).',
          )
        : noted(
            'forced_tools_no_thinking',
            'required → any, a named function → tool. Forced tool use cannot be combined with thinking.',
          )),
    },
    reasoning_effort: reasoningEffortRule(model, effortField),
    thinking_budget: thinkingBudgetRule(model),
  }
}

function reasoningEffortRule(model: string, effortField: string): ParameterSupport {
  const traits = claudeModelTraits(model)
  if (traits.thinking === 'none') {
    return unsupported('not_reasoning_model', `${model} is not a reasoning model.`, { model })
  }
  if (!traits.effort) {
    return unsupported(
      'use_other_parameter',
      'This model has no effort setting; use thinking_budget instead.',
      { model, parameter: 'reasoning_effort', alternative: 'thinking_budget' },
    )
  }
  return {
    support: 'supported',
    ...noted(
      'sent_as_minimal_low',
      'Sent as output_config.effort (minimal → low) with adaptive thinking where the model has it.',
      { field: effortField },
    ),
  }
}

function thinkingBudgetRule(model: string): ParameterSupport {
  const thinking = claudeModelTraits(model).thinking
  if (thinking === 'none') {
    return unsupported('not_reasoning_model', `${model} is not a reasoning model.`, { model })
  }
  if (thinking === 'adaptive') {
    return unsupported(
      'adaptive_thinking',
      'This model thinks adaptively and refuses a manual thinking budget; use reasoning_effort instead.',
      { model, parameter: 'thinking_budget', alternative: 'reasoning_effort' },
    )
  }
  return {
    support: 'supported',
    min: 1024,
    ...noted(
      'budget_below_max_tokens',
      'Sent as thinking {type: "enabled", budget_tokens}; must be below max_tokens.',
    ),
  }
}

/** top_k is a sampling parameter: Claude takes it exactly where it takes temperature. */
export function claudeTopKRule(temperature: ParameterSupport): ParameterSupport {
  if (temperature.support === 'unsupported') {
    return { ...temperature, details: { ...temperature.details, parameter: 'top_k' } }
  }
  return { support: 'supported', min: 1 }
}
