import type { ProviderDescriptor } from '../../../packages/llm/src/provider-plugin'
import type { ProviderId } from '../../../packages/llm/src/types'
import { isEchoReasoningModel } from './echo-model-traits'

export const echoDescriptor: ProviderDescriptor = {
  id: 'echo' as ProviderId,
  info: {
    id: 'echo' as ProviderId,
    label: 'Echo',
    fields: [
      { name: 'apiKey', label: 'API key', secret: true, required: true, help: 'The echo key.' },
      { name: 'baseURL', label: 'Base URL', required: true, help: 'Where the echo server runs.' },
    ],
    docsUrl: 'https://example.invalid/echo',
  },
  parameterRules: (model) => ({
    n: { support: 'emulated', note: 'Sent as n requests.' },
    seed: {
      support: 'unsupported',
      code: 'api_has_no_parameter',
      details: { api: 'Echo', parameter: 'seed' },
      reason: 'Echo has no seed.',
    },
    ...(isEchoReasoningModel(model)
      ? {}
      : {
          thinking_budget: {
            support: 'unsupported',
            code: 'not_reasoning_model',
            details: { model, parameter: 'thinking_budget' },
            reason: 'Only echo-think reasons.',
          },
        }),
  }),
}
