import { beforeEach, describe, expect, it } from 'vitest'
import { PRESETS_MAX } from '../../../shared/prefs-schemas'
import { getPref, resetPrefs } from '../app/prefs-store'
import { deletePreset, readPresets, savePreset } from './presets-store'

beforeEach(() => resetPrefs())

describe('presets store', () => {
  it('saves, lists and deletes presets, in the preferences kept in the data folder', () => {
    expect(readPresets()).toEqual([])
    savePreset({ name: ' Precise ', parameters: { temperature: 0.2 } }, 100)
    savePreset(
      {
        name: 'Creative',
        parameters: { temperature: 1.4, stop: ['END'] },
        systemPrompt: 'Be bold.',
      },
      200,
    )
    const presets = readPresets()
    expect(presets.map((preset) => preset.name)).toEqual(['Precise', 'Creative'])
    expect(presets[1]).toMatchObject({
      parameters: { temperature: 1.4, stop: ['END'] },
      systemPrompt: 'Be bold.',
      savedAt: 200,
    })
    expect(presets[0]).not.toHaveProperty('systemPrompt')
    expect(getPref('presets')).toBe(presets)

    const left = deletePreset(presets[0]?.id ?? '')
    expect(left.map((preset) => preset.name)).toEqual(['Creative'])
    expect(readPresets()).toEqual(left)
  })

  it('replaces a preset of the same name in place, keeping its id', () => {
    const [first] = savePreset({ name: 'Fast', parameters: { max_tokens: 100 } }, 1)
    savePreset({ name: 'Other', parameters: {} }, 2)
    const after = savePreset({ name: 'fast', parameters: { max_tokens: 200 } }, 3)
    expect(after.map((preset) => [preset.name, preset.parameters.max_tokens])).toEqual([
      ['fast', 200],
      ['Other', undefined],
    ])
    expect(after[0]?.id).toBe(first?.id)
  })

  it('returns the same list between changes, so a subscriber does not re-render for nothing', () => {
    expect(readPresets()).toBe(readPresets())
    savePreset({ name: 'One', parameters: {} }, 1)
    expect(readPresets()).toBe(readPresets())
  })

  it('refuses a nameless preset and one past the limit, keeping the list as it was', () => {
    expect(() => savePreset({ name: '   ', parameters: {} })).toThrow()
    const full = Array.from({ length: PRESETS_MAX }, (_, i) => ({
      id: `p${i}`,
      name: `Preset ${i}`,
      parameters: {},
      savedAt: i,
    }))
    resetPrefs({ presets: full })
    expect(() => savePreset({ name: 'One more', parameters: {} })).toThrow(/At most 200/)
    expect(readPresets()).toHaveLength(PRESETS_MAX)
    // Replacing one by name still works on a full list.
    expect(savePreset({ name: 'preset 3', parameters: { seed: 1 } })).toHaveLength(PRESETS_MAX)
  })
})
