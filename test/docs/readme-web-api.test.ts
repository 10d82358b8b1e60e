import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STATUS_BY_KIND } from '../../src/server/rpc-route'
import { events, methods } from '../../src/shared/contract'

// The README's "Web host HTTP API" section, read back and compared with the code it describes, so
// that the method list and the status table cannot drift from the contract and the web host.
const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')

function between(marker: string): string {
  const start = README.indexOf(`<!-- ${marker} -->`)
  const end = README.indexOf(`<!-- /${marker} -->`)
  if (start < 0 || end < start) throw new Error(`README.md has no ${marker} section.`)
  return README.slice(start, end)
}

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '')

/** `app.info|notices` → app.info, app.notices; anything not shaped like a name is left out. */
function names(text: string): string[] {
  return backticked(text)
    .filter((code) => /^[a-z]+\.[a-zA-Z|]+$/.test(code))
    .flatMap((code) => {
      const [namespace, list = ''] = code.split('.')
      return list.split('|').map((name) => `${namespace}.${name}`)
    })
}

describe('README.md web host API', () => {
  const section = between('rpc-methods')
  const [methodText = '', eventText = ''] = section.split('Events:')

  it('lists exactly the methods of the contract', () => {
    expect(names(methodText).sort()).toEqual(Object.keys(methods).sort())
  })

  it('lists exactly the events of the contract', () => {
    expect(names(eventText).sort()).toEqual(Object.keys(events).sort())
  })

  it('gives each error kind the status the web host answers with', () => {
    const rows = between('rpc-statuses')
      .split('\n')
      .filter((line) => /^\s*\|\s*\d{3}\s*\|/.test(line))
    const documented = Object.fromEntries(
      rows.flatMap((row) => {
        const [, status = '', kinds = ''] = row.split('|').map((cell) => cell.trim())
        return backticked(kinds).map((kind) => [kind, Number(status)])
      }),
    )
    expect(documented).toEqual(STATUS_BY_KIND)
  })

  it('fails for a list that misses a method', () => {
    const trimmed = methodText.replace('|chooseDataDir', '')
    expect(names(trimmed)).not.toContain('settings.chooseDataDir')
    expect(names(trimmed).sort()).not.toEqual(Object.keys(methods).sort())
  })
})
