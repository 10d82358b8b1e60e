import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AES_KEY_BYTES, createAesGcmEncryptor } from './aes-gcm-encryptor'

const key = () => randomBytes(AES_KEY_BYTES)

describe('the AES-256-GCM encryptor', () => {
  it('round-trips text, including non-ASCII and empty strings', () => {
    const enc = createAesGcmEncryptor(key())
    for (const text of ['sk-proj-abc123', '', '모델 キー 🔑', 'x'.repeat(10_000)]) {
      expect(enc.decrypt(enc.encrypt(text))).toBe(text)
    }
    expect(enc.describe()).toMatchObject({ kind: 'aes-gcm', secure: true })
  })

  it('uses a fresh 96-bit IV per value and a versioned envelope', () => {
    const enc = createAesGcmEncryptor(key())
    const a = enc.encrypt('same text')
    const b = enc.encrypt('same text')
    expect(a.equals(b)).toBe(false)
    expect(a[0]).toBe(1)
    expect(a.subarray(1, 13).equals(b.subarray(1, 13))).toBe(false)
    expect(a.length).toBe(1 + 12 + 16 + Buffer.byteLength('same text'))
  })

  it('refuses data under another key, altered data, unknown versions and short input', () => {
    const enc = createAesGcmEncryptor(key())
    const sealed = enc.encrypt('sk-ant-api03-secret')
    expect(() => createAesGcmEncryptor(key()).decrypt(sealed)).toThrow(/authenticate/)
    for (const at of [1, 14, 29, sealed.length - 1]) {
      const altered = Buffer.from(sealed)
      altered[at] = (altered[at] ?? 0) ^ 1
      expect(() => enc.decrypt(altered)).toThrow()
    }
    const version = Buffer.from(sealed)
    version[0] = 2
    expect(() => enc.decrypt(version)).toThrow(/version 2/)
    expect(() => enc.decrypt(sealed.subarray(0, 20))).toThrow(/too short/)
  })

  it('needs a 32-byte key, copies it, and can be destroyed', () => {
    expect(() => createAesGcmEncryptor(randomBytes(16))).toThrow(/32 bytes/)
    const raw = key()
    const enc = createAesGcmEncryptor(raw)
    const sealed = enc.encrypt('hello')
    raw.fill(0)
    expect(enc.decrypt(sealed)).toBe('hello')
    enc.destroy()
    expect(() => enc.encrypt('x')).toThrow(/destroyed/)
  })
})
