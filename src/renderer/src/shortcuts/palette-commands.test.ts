import { describe, expect, it } from 'vitest'
import { filterCommands, type PaletteCommand } from './palette-commands'

const command = (id: string, detail?: string): PaletteCommand => ({
  id,
  labelKey: 'shortcuts.newChat',
  ...(detail ? { detail } : {}),
  run: () => undefined,
})

describe('filterCommands', () => {
  const commands = [
    command('New chat'),
    command('New comparison'),
    command('Toggle theme', '→ Dark'),
  ]
  const label = (c: PaletteCommand) => c.id

  it('keeps commands whose label holds every word, ignoring case and order of typing', () => {
    expect(filterCommands(commands, 'NEW com', label).map((c) => c.id)).toEqual(['New comparison'])
    expect(filterCommands(commands, 'dark', label).map((c) => c.id)).toEqual(['Toggle theme'])
    expect(filterCommands(commands, '  ', label)).toHaveLength(3)
    expect(filterCommands(commands, 'zzz', label)).toEqual([])
  })
})
