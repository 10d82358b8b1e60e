import { describe, expect, it } from 'vitest'
import { PROVIDER_IDS } from '../../packages/llm/src/index'
import { fill, missingOf, readGuide } from './provider-checklist'

const { touchPoints, families } = readGuide()

describe('docs/adding-a-provider.md, checked against the seven providers', () => {
  it('lists the touch points and a family for exactly the providers of PROVIDER_IDS', () => {
    expect(touchPoints.length).toBeGreaterThanOrEqual(20)
    expect([...families.keys()].sort()).toEqual([...PROVIDER_IDS].sort())
    for (const family of families.values()) expect(family.Family.toLowerCase()).toBe(family.family)
  })

  it.each(PROVIDER_IDS)('%s has every touch point the guide lists', (id) => {
    const family = families.get(id)
    if (!family) throw new Error(`No family for ${id} in the guide.`)
    const missing = touchPoints.map((point) => missingOf(point, id, family)).filter(Boolean)
    expect(missing).toEqual([])
  })

  it('the per-family files are those of each family, checked once per family', () => {
    const perFamily = touchPoints.filter(
      (p) => !p.file.includes('<id>') && p.file.includes('<family>'),
    )
    expect(perFamily.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'factory',
        'request',
        'response',
        'stream',
        'errors',
        'model traits',
      ]),
    )
    for (const family of new Map([...families.values()].map((f) => [f.family, f])).values()) {
      const missing = perFamily.map((point) => missingOf(point, '-', family)).filter(Boolean)
      expect(missing, family.family).toEqual([])
    }
  })

  it('fails for a provider the files do not have, naming each missing touch point', () => {
    const family = { family: 'acme', Family: 'Acme' }
    const missing = touchPoints.map((point) => missingOf(point, 'acme', family))
    expect(missing.every((m) => m !== undefined)).toBe(true)
    expect(missing[0]).toBe("id: packages/llm/src/provider-ids.ts contains none of 'acme'")
  })

  it('fills every placeholder', () => {
    const family = { family: 'openai', Family: 'OpenAI' }
    for (const point of touchPoints) {
      for (const text of [point.file, ...point.mustContain]) {
        expect(fill(text, 'openai-compatible', family)).not.toMatch(/<[a-zA-Z]+>/)
      }
    }
  })
})
