import { describe, expect, it } from 'vitest'
import {
  checkNewPassphrase,
  checkScryptParams,
  DEFAULT_SCRYPT,
  deriveKey,
  newScryptParams,
} from './passphrase-key'

describe('passphrase keys (scrypt)', () => {
  it('derives the same 32-byte key for the same passphrase and salt, another for a new salt', async () => {
    const params = newScryptParams()
    const a = await deriveKey('correct horse battery', params)
    const b = await deriveKey('correct horse battery', params)
    const c = await deriveKey('correct horse battery', newScryptParams())
    const d = await deriveKey('correct horse batterY', params)
    expect(a.length).toBe(32)
    expect(a.equals(b)).toBe(true)
    expect(a.equals(c)).toBe(false)
    expect(a.equals(d)).toBe(false)
  })

  it('treats composed and decomposed Unicode passphrases alike (NFC)', async () => {
    const params = newScryptParams()
    const composed = await deriveKey('caf\u00e9 한국어 passphrase', params)
    const decomposed = await deriveKey('cafe\u0301 한국어 passphrase'.normalize('NFD'), params)
    expect(composed.equals(decomposed)).toBe(true)
  })

  it('uses a random 16-byte salt and the default cost, and measures well under a second', async () => {
    const params = newScryptParams()
    expect(params).toMatchObject({ name: 'scrypt', ...DEFAULT_SCRYPT })
    expect(Buffer.from(params.salt, 'base64').length).toBe(16)
    expect(newScryptParams().salt).not.toBe(params.salt)
    const started = performance.now()
    await deriveKey('timing passphrase', params)
    const ms = performance.now() - started
    console.warn(`scrypt N=${params.N} r=${params.r} p=${params.p}: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(2000)
  })

  it('refuses cost parameters out of range (a tampered header)', () => {
    const ok = newScryptParams()
    expect(() => checkScryptParams(ok)).not.toThrow()
    for (const bad of [
      { ...ok, N: 1000 },
      { ...ok, N: 2 ** 10 },
      { ...ok, N: 2 ** 24 },
      { ...ok, r: 1 },
      { ...ok, p: 0 },
      { ...ok, p: 1.5 },
      { ...ok, salt: 'c2FsdA==' },
    ]) {
      expect(() => checkScryptParams(bad)).toThrow(/out of range/)
    }
  })

  it('asks for at least 8 characters for a new passphrase', () => {
    expect(() => checkNewPassphrase('short')).toThrow(/at least 8 characters/)
    expect(() => checkNewPassphrase('long enough')).not.toThrow()
  })
})
