import { describe, expect, it } from 'vitest'
import { internalErrorLine } from './internal-error-log'

describe('internalErrorLine', () => {
  it('names the method and the incident, keeps the stack and cause, and redacts keys', () => {
    const error = new TypeError('boom with sk-proj-abcdefghijklmnopqrstuvwxyz0123 and hunter22', {
      cause: new Error('the disk said no'),
    })
    const line = internalErrorLine('history.list', '0a1b2c3d', error, ['hunter22'])
    expect(line).toMatch(/^history\.list failed \(incident 0a1b2c3d\): TypeError: boom with /)
    expect(line).toMatch(/internal-error-log\.test\.ts/)
    expect(line).toContain('Caused by: Error: the disk said no')
    expect(line).not.toContain('sk-proj-abcdefghijklmnopqrstuvwxyz0123')
    expect(line).not.toContain('hunter22')
  })
})
