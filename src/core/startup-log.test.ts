import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { errorSummary, writeStartupLog } from './startup-log'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-startup-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeStartupLog', () => {
  it('appends the time, the stack and the cause, owner-only, with secrets redacted', () => {
    const cause = new Error('the disk said no')
    const error = new Error('could not open sk-proj-abcdefghijklmnopqrstuvwxyz0123 with hunter22', {
      cause,
    })
    const now = new Date('2025-06-01T12:03:00Z')
    const file = writeStartupLog(dir, error, {
      what: 'could not start',
      secrets: ['hunter22'],
      now,
    })
    expect(file).toBe(join(dir, 'logs', 'startup.log'))
    writeStartupLog(dir, 'second failure', { what: 'could not start', now })
    const text = readFileSync(file as string, 'utf8')
    expect(text).toMatch(/^\[2025-06-01T12:03:00\.000Z\] could not start \(pid \d+, node v/)
    expect(text).toMatch(/startup-log\.test\.ts/)
    expect(text).toContain('Caused by: Error: the disk said no')
    expect(text).toContain('second failure')
    expect(text).not.toContain('hunter22')
    expect(text).not.toContain('sk-proj-abcdefghijklmnopqrstuvwxyz0123')
    if (process.platform !== 'win32') expect(statSync(file as string).mode & 0o777).toBe(0o600)
  })

  it('gives up quietly where it cannot write', () => {
    writeFileSync(join(dir, 'logs'), 'a file where the folder should be')
    expect(writeStartupLog(dir, new Error('x'), { what: 'could not start' })).toBeUndefined()
  })
})

describe('errorSummary', () => {
  it('keeps the first line, without a trailing full stop', () => {
    expect(errorSummary(new Error('EISDIR: illegal operation on a directory.\n  more'))).toBe(
      'EISDIR: illegal operation on a directory',
    )
    expect(errorSummary('plain text')).toBe('plain text')
  })
})
