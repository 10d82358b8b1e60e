import { describe, expect, it } from 'vitest'
import {
  capabilities,
  catalogModels,
  NOTE_CODES,
  PROVIDER_IDS,
  type NoteCode,
  type ParameterSupport,
  type ProviderId,
} from '../../packages/llm/src/index'
import { PARAMETER_NAMES } from '../../packages/llm/src/parameter-names'

type Noted = Extract<ParameterSupport, { support: 'supported' | 'emulated' }>

/** What each code's sentence names, so a UI can word it from the details alone. */
const NEEDS: Record<NoteCode, readonly string[]> = {
  sent_as: ['field'],
  parallel_requests: [],
  max_stop_sequences: ['count'],
  json_modes_mapped: [],
  json_schema_only: [],
  sent_as_levels: ['field', 'values'],
  prefer_other_parameter: ['alternative'],
  effort_as_thinking_budget: ['values'],
  budget_below_max_tokens: [],
  sent_as_minimal_low: ['field'],
  forced_tools_some_models: ['model'],
  tool_choice_auto_only: [],
  forced_tools_no_thinking: [],
  max_tokens_required: ['provider'],
  caps_reasoning_tokens: [],
  sent_as_caps_reasoning: ['field'],
  effort_values: ['values'],
  passed_through: [],
  budget_zero_turns_off: ['field'],
  thinking_always_on: ['field'],
}

/** Model ids outside the catalogs that take other rule paths (families, unknown models). */
const EXTRA_MODELS: Record<ProviderId, string[]> = {
  openai: ['gpt-4o-2024-08-06', 'o1-pro', 'some-future-model'],
  azure: ['my-deployment', 'o3_2025-04-16'],
  anthropic: ['claude-3-haiku-20240307', 'claude-unknown'],
  bedrock: [
    'us.deepseek.r1-v1:0',
    'amazon.titan-text-express-v1',
    'mistral.mistral-large-2407-v1:0',
    'meta.llama3-70b-instruct-v1:0',
    'openai.gpt-oss-120b-1:0',
    'amazon.nova-2-lite-v1:0',
  ],
  gemini: ['gemini-2.0-flash', 'gemma-3-27b-it', 'gemini-3-pro-preview', 'gemini-2.5-flash'],
  vertex: ['gemini-2.0-flash-001', 'gemini-2.5-pro'],
  'openai-compatible': ['llama3.2', 'qwen3:8b'],
}

function everyNote(): [string, Noted][] {
  const found: [string, Noted][] = []
  for (const provider of PROVIDER_IDS) {
    const models = [...catalogModels(provider).map((m) => m.id), ...EXTRA_MODELS[provider]]
    for (const model of models) {
      const { parameters } = capabilities(provider, model)
      for (const name of PARAMETER_NAMES) {
        const support = parameters[name]
        if (support.support !== 'unsupported' && support.note !== undefined)
          found.push([`${provider} ${model} ${name}`, support])
      }
    }
  }
  return found
}

describe('notes on supported and emulated parameters carry a stable code', () => {
  const entries = everyNote()

  it('finds many, and every code is used somewhere', () => {
    expect(entries.length).toBeGreaterThan(100)
    const used = new Set(entries.map(([, support]) => support.noteCode))
    expect([...used].sort()).toEqual([...NOTE_CODES].sort())
  })

  it('each note has a code from the closed set and the details its sentence needs', () => {
    const problems: string[] = []
    for (const [where, support] of entries) {
      if (support.noteCode === undefined) {
        problems.push(`${where}: "${support.note}" has no code`)
        continue
      }
      if (!NOTE_CODES.includes(support.noteCode)) problems.push(`${where}: ${support.noteCode}`)
      for (const detail of NEEDS[support.noteCode]) {
        const value = support.noteDetails?.[detail as keyof NonNullable<Noted['noteDetails']>]
        if (!value) problems.push(`${where}: ${support.noteCode} without ${detail}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('keeps the English note for library users beside the code', () => {
    const maxTokens = capabilities('gemini', 'gemini-2.5-flash').parameters.max_tokens
    expect(maxTokens).toMatchObject({
      support: 'supported',
      note: 'Sent as generationConfig.maxOutputTokens.',
      noteCode: 'sent_as',
      noteDetails: { field: 'generationConfig.maxOutputTokens' },
    })
    expect(capabilities('anthropic', 'claude-unknown').parameters.n).toMatchObject({
      support: 'emulated',
      noteCode: 'parallel_requests',
    })
  })
})
