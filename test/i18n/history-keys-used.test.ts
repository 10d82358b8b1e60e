import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { historyEn } from '../../src/renderer/src/i18n/en/history'

const RENDERER = join(import.meta.dirname, '../../src/renderer/src')

/** The renderer's own source: every .ts/.tsx file outside i18n/, tests left out. */
function rendererSource(): string {
  return readdirSync(RENDERER, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => !file.startsWith('i18n'))
    .map((file) => readFileSync(join(RENDERER, file), 'utf8'))
    .join('\n')
}

describe('the history catalog', () => {
  // The history keys are all named whole where they are used (none is put together at run time),
  // so a key missing from the source is a string no one sees.
  it('has no key the renderer does not use', () => {
    const source = rendererSource()
    const unused = Object.keys(historyEn).filter((key) => !source.includes(`'${key}'`))
    expect(unused).toEqual([])
  })
})
