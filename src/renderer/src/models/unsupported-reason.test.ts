import { describe, expect, it } from 'vitest'
import { createTranslate } from '../i18n/i18n'
import { unsupportedReason } from './unsupported-reason'

const ko = createTranslate('ko')
const en = createTranslate('en')

describe('why a parameter is unavailable, worded from the library’s code', () => {
  it('words a reasoning model’s refusal in Korean, with the panel’s own parameter names', () => {
    const support = {
      support: 'unsupported' as const,
      code: 'reasoning_model_rejects',
      details: { model: 'o3', parameter: 'temperature', alternative: 'reasoning_effort' },
      reason:
        'o3 is a reasoning model and rejects temperature; steer it with reasoning_effort instead.',
    }
    expect(unsupportedReason(support, ko)).toBe(
      'o3 모델은 추론 모델이라 온도 파라미터를 받지 않습니다. 대신 추론 강도 파라미터를 사용하세요.',
    )
    expect(unsupportedReason(support, en)).toBe(
      'o3 is a reasoning model and does not take Temperature. Use Reasoning effort instead.',
    )
  })

  it('words a model that does not reason', () => {
    const support = {
      support: 'unsupported' as const,
      code: 'not_reasoning_model',
      details: { model: 'gpt-4.1-mini', provider: 'OpenAI', parameter: 'reasoning_effort' },
      reason: 'gpt-4.1-mini is not a reasoning model on OpenAI.',
    }
    expect(unsupportedReason(support, ko)).toBe('gpt-4.1-mini 모델은 추론 모델이 아닙니다.')
  })

  it('names the alternative once when the code is about using another parameter', () => {
    const support = {
      support: 'unsupported' as const,
      code: 'use_other_parameter',
      details: { model: 'Nova 2', parameter: 'thinking_budget', alternative: 'reasoning_effort' },
      reason: 'Nova 2 takes reasoning_effort, not a token budget.',
    }
    expect(unsupportedReason(support, ko)).toBe(
      'Nova 2 모델은 사고 예산 대신 추론 강도 파라미터를 받습니다.',
    )
  })

  it('shows the library’s reason for a code it does not know (a newer library)', () => {
    const support = {
      support: 'unsupported' as const,
      code: 'from_a_newer_library',
      details: { model: 'm' },
      reason: 'A reason only the newer library knows.',
    }
    expect(unsupportedReason(support, ko)).toBe('A reason only the newer library knows.')
  })

  it('shows the library’s reason when a detail its sentence needs is missing', () => {
    const support = {
      support: 'unsupported' as const,
      code: 'api_version_rejects',
      details: { api: 'Anthropic', parameter: 'top_p' },
      reason: 'Anthropic API version 2026-10-21 rejects top_p.',
    }
    expect(unsupportedReason(support, ko)).toBe('Anthropic API version 2026-10-21 rejects top_p.')
  })
})
