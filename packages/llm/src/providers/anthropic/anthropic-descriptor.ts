import type { ProviderDescriptor } from '../../provider-plugin'
import type { ParameterName, ParameterSupport } from '../../types'
import { noted } from '../../note-codes'
import { unsupported, unsupportedEach } from '../../unsupported-codes'
import { anthropicModelTraits } from './anthropic-model-traits'

/**
 * The SDK (@anthropic-ai/sdk 1.x) sends `anthropic-version: 2026-10-21`, and that API version
 * refuses every sampling parameter with a 400, even at its default value.
 */
const SAMPLING_REASON =
  'Anthropic API version 2026-10-21 (sent by the official SDK) rejects temperature, top_p and top_k on every model.'
const MESSAGES_API = 'Anthropic Messages'

export const anthropicDescriptor: ProviderDescriptor<'anthropic'> = {
  id: 'anthropic',
  info: {
    id: 'anthropic',
    label: 'Anthropic',
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        placeholder: 'sk-ant-api03-…',
        help: 'Create a key in the Claude Console under Settings → API keys. It starts with sk-ant-.',
      },
      {
        name: 'baseURL',
        label: 'Base URL',
        help: 'Optional. Only for a proxy or gateway in front of the Anthropic API; defaults to https://api.anthropic.com.',
        placeholder: 'https://api.anthropic.com',
      },
    ],
    docsUrl: 'https://platform.claude.com/docs/en/api/messages',
    keysUrl: 'https://platform.claude.com/settings/keys',
  },

  parameterRules(model) {
    const traits = anthropicModelTraits(model)
    const rules: Partial<Record<ParameterName, ParameterSupport>> = {
      ...unsupportedEach(['temperature', 'top_p'], 'api_version_rejects', () => SAMPLING_REASON, {
        api: 'Anthropic',
        version: '2026-10-21',
      }),
      seed: unsupported(
        'api_has_no_parameter',
        'The Anthropic Messages API has no seed parameter.',
        { api: MESSAGES_API, parameter: 'seed' },
      ),
      presence_penalty: unsupported(
        'api_has_no_parameter',
        'The Anthropic Messages API has no presence penalty.',
        { api: MESSAGES_API, parameter: 'presence_penalty' },
      ),
      frequency_penalty: unsupported(
        'api_has_no_parameter',
        'The Anthropic Messages API has no frequency penalty.',
        { api: MESSAGES_API, parameter: 'frequency_penalty' },
      ),
      n: {
        support: 'emulated',
        min: 1,
        max: 8,
        default: 1,
        ...noted(
          'parallel_requests',
          'The Messages API returns one answer per call; n > 1 runs n requests in parallel.',
        ),
      },
      max_tokens: {
        support: 'supported',
        min: 1,
        ...noted(
          'max_tokens_required',
          'Required by Anthropic; when absent the model’s maximum output is sent.',
          { provider: 'Anthropic' },
        ),
      },
      max_completion_tokens: {
        support: 'supported',
        min: 1,
        ...noted('sent_as', 'Sent as max_tokens.', { field: 'max_tokens' }),
      },
      stop: {
        support: 'supported',
        ...noted('sent_as', 'Sent as stop_sequences.', { field: 'stop_sequences' }),
      },
      response_format: {
        support: 'supported',
        ...noted(
          'json_schema_only',
          'json_schema is sent as output_config.format (structured outputs); json_object has no Anthropic equivalent and is refused.',
        ),
      },
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
    }
    rules.reasoning_effort = traits.effort
      ? {
          support: 'supported',
          ...noted(
            'sent_as_minimal_low',
            'Sent as output_config.effort (minimal → low) with adaptive thinking where the model has it.',
            { field: 'output_config.effort' },
          ),
        }
      : unsupported(
          'use_other_parameter',
          'This model has no effort setting; use thinking_budget instead.',
          { model, parameter: 'reasoning_effort', alternative: 'thinking_budget' },
        )
    rules.thinking_budget =
      traits.thinking === 'adaptive'
        ? unsupported(
            'adaptive_thinking',
            'This model thinks adaptively and refuses a manual thinking budget; use reasoning_effort instead.',
            { model, parameter: 'thinking_budget', alternative: 'reasoning_effort' },
          )
        : {
            support: 'supported',
            min: 1024,
            ...noted(
              'budget_below_max_tokens',
              'Sent as thinking {type: "enabled", budget_tokens}; must be below max_tokens.',
            ),
          }
    return rules
  },
}
