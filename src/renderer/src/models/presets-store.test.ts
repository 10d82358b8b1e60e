import { describe, expect, it } from 'vitest'
import {
  deletePreset,
  PRESETS_STORAGE_KEY,
  readPresets,
  savePreset,
  type PresetStorage,
} from './presets-store'

function memoryStorage(initial?: string): PresetStorage & { value(): string | null } {
  let stored: string | null = initial ?? null
  return {
    getItem: (key) => (key === PRESETS_STORAGE_KEY ? stored : null),
    setItem: (key, value) => {
      if (key === PRESETS_STORAGE_KEY) stored = value
    },
    value: () => stored,
  }
}

describe('presets store', () => {
  it('saves, lists and deletes presets', () => {
    const storage = memoryStorage()
    expect(readPresets(storage)).toEqual([])
    savePreset({ name: ' Precise ', parameters: { temperature: 0.2 } }, storage, 100)
    savePreset(
      {
        name: 'Creative',
        parameters: { temperature: 1.4, stop: ['END'] },
        systemPrompt: 'Be bold.',
      },
      storage,
      200,
    )
    const presets = readPresets(storage)
    expect(presets.map((preset) => preset.name)).toEqual(['Precise', 'Creative'])
    expect(presets[1]).toMatchObject({
      parameters: { temperature: 1.4, stop: ['END'] },
      systemPrompt: 'Be bold.',
      savedAt: 200,
    })
    expect(presets[0]).not.toHaveProperty('systemPrompt')

    const left = deletePreset(presets[0]?.id ?? '', storage)
    expect(left.map((preset) => preset.name)).toEqual(['Creative'])
    expect(readPresets(storage)).toEqual(left)
  })

  it('replaces a preset of the same name in place, keeping its id', () => {
    const storage = memoryStorage()
    const [first] = savePreset({ name: 'Fast', parameters: { max_tokens: 100 } }, storage, 1)
    savePreset({ name: 'Other', parameters: {} }, storage, 2)
    const after = savePreset({ name: 'fast', parameters: { max_tokens: 200 } }, storage, 3)
    expect(after.map((preset) => [preset.name, preset.parameters.max_tokens])).toEqual([
      ['fast', 200],
      ['Other', undefined],
    ])
    expect(after[0]?.id).toBe(first?.id)
  })

  it('ignores a corrupt value instead of throwing, and saves over it', () => {
    for (const corrupt of ['{not json', '{"a":1}', '42', 'null']) {
      const storage = memoryStorage(corrupt)
      expect(readPresets(storage)).toEqual([])
      expect(savePreset({ name: 'New', parameters: {} }, storage)).toHaveLength(1)
      expect(JSON.parse(storage.value() ?? '')).toHaveLength(1)
    }
  })

  it('skips entries that do not validate and keeps the rest', () => {
    const good = { id: 'a', name: 'Good', parameters: { seed: 7 }, savedAt: 1 }
    const storage = memoryStorage(
      JSON.stringify([
        good,
        { id: 'b', name: '', parameters: {}, savedAt: 1 },
        { id: 'c', name: 'Bad temp', parameters: { temperature: 'hot' }, savedAt: 1 },
        { id: 'd', name: 'Unknown key', parameters: { logit_bias: { '50256': -100 } }, savedAt: 1 },
        'junk',
      ]),
    )
    expect(readPresets(storage)).toEqual([good])
  })

  it('treats unavailable storage as empty and refuses to save into it', () => {
    const throwing: PresetStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(readPresets(throwing)).toEqual([])
    expect(readPresets(null)).toEqual([])
    expect(() => savePreset({ name: 'x', parameters: {} }, throwing)).toThrow('QuotaExceededError')
    expect(() => savePreset({ name: 'x', parameters: {} }, null)).toThrow()
    expect(() => savePreset({ name: '   ', parameters: {} }, memoryStorage())).toThrow()
  })
})
