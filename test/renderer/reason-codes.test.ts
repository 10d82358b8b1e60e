import {
  LLM_HINT_CODES,
  NOTE_CODES,
  PROVIDER_IDS,
  UNSUPPORTED_CODES,
  capabilities,
  catalogModels,
} from '@parallax/llm'
import { describe, expect, it } from 'vitest'
import { HINT_SENTENCES } from '../../src/renderer/src/host/word-hint'
import { createTranslate } from '../../src/renderer/src/i18n/i18n'
import { NOTE_SENTENCES, parameterNote } from '../../src/renderer/src/models/parameter-note'
import {
  UNSUPPORTED_SENTENCES,
  unsupportedReason,
} from '../../src/renderer/src/models/unsupported-reason'

// The renderer may not import the library, so it keeps its own table of the library's codes:
// this test keeps the tables and the library's closed sets equal, and words every unsupported
// parameter the library really reports.

describe('the renderer words every code the library sends', () => {
  it('has a sentence for each unsupported code, and no other', () => {
    expect([...UNSUPPORTED_SENTENCES.keys()].sort()).toEqual([...UNSUPPORTED_CODES].sort())
  })

  it('has a sentence for each note code, and no other', () => {
    expect([...NOTE_SENTENCES.keys()].sort()).toEqual([...NOTE_CODES].sort())
  })

  it('has a sentence for each hint code, and no other', () => {
    expect([...HINT_SENTENCES.keys()].sort()).toEqual([...LLM_HINT_CODES].sort())
  })

  it('words every unsupported parameter of every catalog model in Korean, none left English', () => {
    const ko = createTranslate('ko')
    const english: string[] = []
    let count = 0
    for (const provider of PROVIDER_IDS) {
      for (const { id } of catalogModels(provider)) {
        for (const [name, support] of Object.entries(capabilities(provider, id).parameters)) {
          if (support.support !== 'unsupported') continue
          count++
          const text = unsupportedReason(support, ko)
          if (text === support.reason || /\{\w+\}/.test(text) || !/[가-힣]/.test(text))
            english.push(`${provider} ${id} ${name}: ${text}`)
        }
      }
    }
    expect(count).toBeGreaterThan(100)
    expect(english).toEqual([])
  })

  it('words every note on a supported or emulated parameter in Korean, none left English', () => {
    const ko = createTranslate('ko')
    const english: string[] = []
    let count = 0
    for (const provider of PROVIDER_IDS) {
      for (const { id } of catalogModels(provider)) {
        for (const [name, support] of Object.entries(capabilities(provider, id).parameters)) {
          if (support.support === 'unsupported' || support.note === undefined) continue
          count++
          const text = parameterNote(support, ko) ?? ''
          if (text === support.note || /\{\w+\}/.test(text) || !/[가-힣]/.test(text))
            english.push(`${provider} ${id} ${name}: ${text}`)
        }
      }
    }
    expect(count).toBeGreaterThan(100)
    expect(english).toEqual([])
  })

  it('shows the library’s English note for a code a newer library added', () => {
    const ko = createTranslate('ko')
    const newer = { support: 'supported', note: 'Sent as x.', noteCode: 'from_the_future' } as const
    expect(parameterNote(newer, ko)).toBe('Sent as x.')
    const missing = { support: 'supported', note: 'Sent as y.', noteCode: 'sent_as' } as const
    expect(parameterNote(missing, ko)).toBe('Sent as y.')
  })
})
