import type { ModelCapabilitiesView, ParameterSupportView } from '../../../shared/model-schemas'

/** Model capabilities shaped like the host's answers (`models.capabilities`), for tests. */

const REASONING_SAMPLING = (model: string, name: string): ParameterSupportView => ({
  support: 'unsupported',
  code: 'reasoning_model_rejects',
  details: { model, parameter: name, alternative: 'reasoning_effort' },
  reason: `${model} is a reasoning model and rejects ${name}; steer it with reasoning_effort instead.`,
})

const BASE_PARAMETERS: Record<string, ParameterSupportView> = {
  temperature: { support: 'supported', min: 0, max: 2, default: 1 },
  top_p: { support: 'supported', min: 0, max: 1, default: 1 },
  max_tokens: { support: 'supported', min: 1 },
  stop: { support: 'supported' },
  seed: { support: 'supported' },
  presence_penalty: { support: 'supported', min: -2, max: 2, default: 0 },
  frequency_penalty: { support: 'supported', min: -2, max: 2, default: 0 },
  reasoning_effort: {
    support: 'unsupported',
    code: 'not_reasoning_model',
    details: { model: 'gpt-4.1', provider: 'OpenAI', parameter: 'reasoning_effort' },
    reason: 'gpt-4.1 is not a reasoning model on OpenAI.',
  },
}

export function capabilitiesOf(
  model: string,
  changes: Partial<ModelCapabilitiesView> & {
    parameterChanges?: Record<string, ParameterSupportView>
  },
): ModelCapabilitiesView {
  const { parameterChanges, ...rest } = changes
  return {
    provider: 'openai',
    model,
    known: true,
    label: model,
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    modalities: { input: ['text'], output: ['text'] },
    tools: true,
    reasoning: false,
    parameters: { ...BASE_PARAMETERS, ...parameterChanges },
    ...rest,
  }
}

const checkedAt = '2026-05-01'

function reasoningOpenAi(model: string): Record<string, ParameterSupportView> {
  return {
    temperature: REASONING_SAMPLING(model, 'temperature'),
    top_p: REASONING_SAMPLING(model, 'top_p'),
    presence_penalty: REASONING_SAMPLING(model, 'presence_penalty'),
    frequency_penalty: REASONING_SAMPLING(model, 'frequency_penalty'),
    stop: {
      support: 'unsupported',
      code: 'reasoning_model_rejects',
      details: { model, parameter: 'stop' },
      reason: `${model} is a reasoning model and rejects stop sequences.`,
    },
    max_tokens: {
      support: 'supported',
      min: 1,
      note: 'Sent as max_completion_tokens (reasoning models refuse max_tokens); it also caps reasoning tokens.',
    },
    reasoning_effort: {
      support: 'supported',
      default: 'medium',
      note: 'minimal, low, medium or high.',
    },
  }
}

export const GPT_54_MINI = capabilitiesOf('gpt-5.4-mini', {
  label: 'GPT-5.4 mini',
  contextWindow: 400_000,
  maxOutputTokens: 128_000,
  modalities: { input: ['text', 'image'], output: ['text'] },
  reasoning: true,
  price: { inputPerMTok: 0.75, outputPerMTok: 4.5, cachedInputPerMTok: 0.075, checkedAt },
  parameterChanges: reasoningOpenAi('gpt-5.4-mini'),
})

export const O4_MINI = capabilitiesOf('o4-mini', {
  label: 'o4-mini',
  contextWindow: 200_000,
  maxOutputTokens: 100_000,
  modalities: { input: ['text', 'image'], output: ['text'] },
  reasoning: true,
  price: { inputPerMTok: 1.1, outputPerMTok: 4.4, checkedAt },
  parameterChanges: reasoningOpenAi('o4-mini'),
})

export const GPT_41 = capabilitiesOf('gpt-4.1', {
  label: 'GPT-4.1',
  contextWindow: 1_047_576,
  maxOutputTokens: 32_768,
  modalities: { input: ['text', 'image'], output: ['text'] },
  price: { inputPerMTok: 2, outputPerMTok: 8, checkedAt },
})

export const GPT_55 = capabilitiesOf('gpt-5.5', {
  label: 'GPT-5.5',
  contextWindow: 1_050_000,
  maxOutputTokens: 128_000,
  modalities: { input: ['text', 'image'], output: ['text'] },
  reasoning: true,
  price: { inputPerMTok: 5, outputPerMTok: 30, checkedAt },
  parameterChanges: reasoningOpenAi('gpt-5.5'),
})

const ANTHROPIC_SAMPLING =
  'Anthropic API version 2026-10-21 (sent by the official SDK) rejects temperature, top_p and top_k on every model.'

const anthropicSampling = (parameter: string): ParameterSupportView => ({
  support: 'unsupported',
  code: 'api_version_rejects',
  details: { api: 'Anthropic', version: '2026-10-21', parameter },
  reason: ANTHROPIC_SAMPLING,
})

const messagesApiLacks = (parameter: string, reason: string): ParameterSupportView => ({
  support: 'unsupported',
  code: 'api_has_no_parameter',
  details: { api: 'Anthropic Messages', parameter },
  reason,
})

function claude(model: string, label: string, price: [number, number]): ModelCapabilitiesView {
  return capabilitiesOf(model, {
    provider: 'anthropic',
    label,
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    modalities: { input: ['text', 'image'], output: ['text'] },
    reasoning: true,
    price: { inputPerMTok: price[0], outputPerMTok: price[1], checkedAt },
    parameterChanges: {
      temperature: anthropicSampling('temperature'),
      top_p: anthropicSampling('top_p'),
      seed: messagesApiLacks('seed', 'The Anthropic Messages API has no seed parameter.'),
      reasoning_effort: { support: 'supported' },
      presence_penalty: messagesApiLacks(
        'presence_penalty',
        'The Anthropic Messages API has no presence penalty.',
      ),
      frequency_penalty: messagesApiLacks(
        'frequency_penalty',
        'The Anthropic Messages API has no frequency penalty.',
      ),
    },
  })
}

export const CLAUDE_OPUS = claude('claude-opus-4-7', 'Claude Opus 4.7', [5, 25])
export const CLAUDE_HAIKU = claude('claude-haiku-4-5', 'Claude Haiku 4.5', [1, 5])

export const LLAMA = capabilitiesOf('llama3.2', {
  provider: 'openai-compatible',
  known: false,
  label: 'llama3.2',
  contextWindow: 8_192,
  maxOutputTokens: 4_096,
  tools: false,
})
