import { describe, expect, it } from 'vitest'
import {
  capabilities,
  catalogModels,
  PROVIDER_IDS,
  UNSUPPORTED_CODES,
  type ParameterSupport,
  type ProviderId,
  type UnsupportedCode,
} from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import { PARAMETER_NAMES } from '../../packages/llm/src/parameter-names'
import { EXTRA_FIELDS } from '../../packages/llm/src/request-fields'

/** What each code's sentence names, so a UI can word it from the details alone. */
const NEEDS: Record<UnsupportedCode, readonly string[]> = {
  not_reasoning_model: ['model'],
  reasoning_model_rejects: ['model'],
  no_tool_calling: ['model'],
  api_has_no_parameter: ['api'],
  api_version_rejects: ['api', 'version'],
  use_other_parameter: ['model', 'alternative'],
  model_rejects_parameter: ['model'],
  no_structured_output: ['model', 'provider'],
  no_reasoning_control: ['model', 'provider'],
  no_thinking_budget: ['model', 'provider'],
  adaptive_thinking: ['model'],
  answer_not_kept: ['provider'],
  unknown_parameter: [],
  set_by_call: [],
}

/** Codes the field policy gives a request (an unknown name, stream against the call), not rules. */
const POLICY_CODES: readonly UnsupportedCode[] = ['unknown_parameter', 'set_by_call']

/** Model ids outside the catalogs that take other rule paths (families, unknown models). */
const EXTRA_MODELS: Record<ProviderId, string[]> = {
  openai: ['gpt-4o-2024-08-06', 'o1-pro', 'some-future-model'],
  azure: ['my-deployment', 'o3_2025-04-16'],
  anthropic: ['claude-3-haiku-20240307', 'claude-unknown'],
  bedrock: [
    'us.deepseek.r1-v1:0',
    'amazon.titan-text-express-v1',
    'mistral.mistral-large-2407-v1:0',
    'cohere.command-r-v1:0',
  ],
  gemini: ['gemini-2.0-flash', 'gemma-3-27b-it', 'gemini-3-pro-preview'],
  vertex: ['gemini-2.0-flash-001', 'gemini-2.5-pro'],
  'openai-compatible': ['llama3.2', 'qwen3:8b'],
}

function everyUnsupported(): [string, ParameterSupport & { support: 'unsupported' }][] {
  const found: [string, ParameterSupport & { support: 'unsupported' }][] = []
  for (const provider of PROVIDER_IDS) {
    const models = [...catalogModels(provider).map((m) => m.id), ...EXTRA_MODELS[provider]]
    for (const model of models) {
      const { parameters } = capabilities(provider, model)
      for (const name of PARAMETER_NAMES) {
        const support = parameters[name]
        if (support.support === 'unsupported') found.push([`${provider} ${model} ${name}`, support])
      }
      const fields = extraFieldRules(provider, model, parameters)
      for (const name of EXTRA_FIELDS) {
        const support = fields[name]
        if (support.support === 'unsupported') found.push([`${provider} ${model} ${name}`, support])
      }
    }
  }
  return found
}

describe('unsupported parameters carry a stable code', () => {
  const entries = everyUnsupported()

  it('finds many, across every provider and most codes', () => {
    expect(entries.length).toBeGreaterThan(100)
    const used = new Set(entries.map(([, support]) => support.code))
    // Every code is reachable from some provider's rules or catalog (or the policy's own).
    const ruleCodes = UNSUPPORTED_CODES.filter((code) => !POLICY_CODES.includes(code))
    expect([...used].sort()).toEqual([...ruleCodes].sort())
  })

  it('each has a code from the closed set, the details its sentence needs, and a reason', () => {
    const problems: string[] = []
    for (const [where, support] of entries) {
      const name = where.split(' ').at(-1)
      if (!UNSUPPORTED_CODES.includes(support.code)) problems.push(`${where}: code ${support.code}`)
      for (const detail of NEEDS[support.code] ?? []) {
        const value = support.details[detail as keyof typeof support.details]
        if (!value) problems.push(`${where}: ${support.code} without ${detail}`)
      }
      if (support.details.parameter !== name)
        problems.push(`${where}: details.parameter is ${support.details.parameter}`)
      if (!support.reason.trim()) problems.push(`${where}: no reason`)
    }
    expect(problems).toEqual([])
  })

  it('words a reasoning model and a non-reasoning one by what they refuse', () => {
    const o3 = capabilities('openai', 'o3').parameters.temperature
    expect(o3).toMatchObject({
      support: 'unsupported',
      code: 'reasoning_model_rejects',
      details: { model: 'o3', parameter: 'temperature', alternative: 'reasoning_effort' },
    })
    const mini = capabilities('openai', 'gpt-4.1-mini').parameters.reasoning_effort
    expect(mini).toMatchObject({
      code: 'not_reasoning_model',
      details: { parameter: 'reasoning_effort' },
    })
    // The English sentence stays for library users.
    expect(mini.support === 'unsupported' && mini.reason).toMatch(/not a reasoning model/)
  })
})
