import { describe, expect, it } from 'vitest'
import { dropUnsupported, stopSequencesOf, withoutAnswers, withParameter } from './run-parameters'
import { CLAUDE_OPUS, GPT_41, GPT_54_MINI } from '../test-support/model-capabilities'

const REJECTED = {
  support: 'unsupported' as const,
  code: 'api_has_no_parameter',
  details: { api: 'Test', parameter: 'n' },
  reason: 'One choice only.',
}

describe('run parameters', () => {
  it('drops what the model rejects and keeps the rest', () => {
    const value = {
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 100,
      reasoning_effort: 'low' as const,
    }
    expect(dropUnsupported(value, GPT_54_MINI)).toEqual({
      max_tokens: 100,
      reasoning_effort: 'low',
    })
    expect(dropUnsupported(value, GPT_41)).toEqual({
      temperature: 0.5,
      top_p: 0.9,
      max_tokens: 100,
    })
    expect(dropUnsupported({ seed: 3, stop: ['x'] }, CLAUDE_OPUS)).toEqual({ stop: ['x'] })
    expect(value).toHaveProperty('temperature', 0.5)
  })

  it('keeps n whatever the model says about it: Parallax sends n requests of its own', () => {
    const rejectsN = { ...GPT_41, parameters: { ...GPT_41.parameters, n: REJECTED } }
    const value = { n: 3, temperature: 0.5 }
    expect(dropUnsupported(value, rejectsN)).toBe(value)
    expect(withoutAnswers(value)).toEqual({ temperature: 0.5 })
    const plain = { temperature: 0.5 }
    expect(withoutAnswers(plain)).toBe(plain)
  })

  it('returns the same object when nothing has to go', () => {
    const value = { temperature: 0.5 }
    expect(dropUnsupported(value, null)).toBe(value)
    expect(dropUnsupported(value, GPT_41)).toBe(value)
  })

  it('sets and unsets one parameter without touching the others', () => {
    const value = { temperature: 0.5, seed: 1 }
    expect(withParameter(value, 'seed', 2)).toEqual({ temperature: 0.5, seed: 2 })
    const unset = withParameter(value, 'temperature', undefined)
    expect(unset).toEqual({ seed: 1 })
    expect('temperature' in unset).toBe(false)
  })

  it('reads stop sequences in either form', () => {
    expect(stopSequencesOf({})).toEqual([])
    expect(stopSequencesOf({ stop: null })).toEqual([])
    expect(stopSequencesOf({ stop: 'END' })).toEqual(['END'])
    expect(stopSequencesOf({ stop: ['a', 'b'] })).toEqual(['a', 'b'])
  })
})
