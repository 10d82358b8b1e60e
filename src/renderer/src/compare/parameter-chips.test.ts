import { describe, expect, it } from 'vitest'
import { createTranslate } from '../i18n/i18n'
import { parameterChips } from './parameter-chips'

describe('parameterChips', () => {
  it('names each override in the panel order, with its value in the reader’s language', () => {
    const t = createTranslate('en')
    expect(
      parameterChips(
        { seed: 12345, reasoning_effort: 'high', temperature: 0.2, stop: ['###', '\n'] },
        t,
        'en',
      ),
    ).toEqual([
      'Temperature 0.2',
      'Seed 12345',
      'Reasoning effort High',
      'Stop sequences "###" "\\n"',
    ])
  })

  it('gives defaults no chip and keeps unknown keys by name', () => {
    const t = createTranslate('en')
    expect(parameterChips({}, t, 'en')).toEqual([])
    expect(parameterChips({ temperature: undefined, top_k: 40 }, t, 'en')).toEqual(['top_k 40'])
  })

  it('words them in Korean in a Korean UI', () => {
    const chips = parameterChips({ max_tokens: 1200 }, createTranslate('ko'), 'ko')
    expect(chips).toHaveLength(1)
    expect(chips[0]).toMatch(/1,200$/)
    expect(chips[0]).not.toContain('Max tokens')
  })
})
