import type { ProviderDescriptor } from '../../provider-plugin'
import { noted } from '../../note-codes'
import { unsupported } from '../../unsupported-codes'
import { compatibleFieldRules } from './openai-field-rules'

export const openaiCompatibleDescriptor: ProviderDescriptor<'openai-compatible'> = {
  id: 'openai-compatible',
  info: {
    id: 'openai-compatible',
    label: 'OpenAI-compatible',
    fields: [
      {
        name: 'baseURL',
        label: 'Base URL',
        required: true,
        placeholder: 'http://localhost:11434/v1',
        help: 'The server’s OpenAI-style base URL, ending before /chat/completions: Ollama http://localhost:11434/v1, LM Studio http://localhost:1234/v1, OpenRouter https://openrouter.ai/api/v1, Groq https://api.groq.com/openai/v1.',
      },
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        help: 'Optional. Sent as a bearer token; local servers such as Ollama and LM Studio need none.',
      },
    ],
    docsUrl: 'https://platform.openai.com/docs/api-reference/chat',
  },
  fieldRules: compatibleFieldRules,
  parameterRules: () => ({
    n: {
      support: 'emulated',
      min: 1,
      max: 8,
      default: 1,
      ...noted(
        'parallel_requests',
        'Many compatible servers ignore or refuse n; n > 1 runs n requests in parallel.',
      ),
    },
    reasoning_effort: {
      support: 'supported',
      ...noted(
        'passed_through',
        'Passed through as reasoning_effort; servers that do not know it may ignore it.',
      ),
    },
    thinking_budget: unsupported(
      'api_has_no_parameter',
      'The OpenAI-compatible API has no standard thinking-budget field; use reasoning_effort.',
      { api: 'OpenAI-compatible', parameter: 'thinking_budget', alternative: 'reasoning_effort' },
    ),
  }),
}
