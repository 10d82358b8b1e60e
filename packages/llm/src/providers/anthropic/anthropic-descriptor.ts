import type { ProviderDescriptor } from '../../provider-plugin'
import type { ParameterName, ParameterSupport } from '../../types'
import { noted } from '../../note-codes'
import { unsupported } from '../../unsupported-codes'
import { claudeParameterRules } from '../claude/claude-parameter-rules'
import { anthropicFieldRules } from './anthropic-field-rules'

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

  fieldRules: anthropicFieldRules,

  parameterRules(model) {
    const rules: Partial<Record<ParameterName, ParameterSupport>> = {
      // Sampling, thinking, effort and tool choice: one rule set for Claude on every cloud.
      ...claudeParameterRules(model, 'output_config.effort'),
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
    }
    return rules
  },
}
