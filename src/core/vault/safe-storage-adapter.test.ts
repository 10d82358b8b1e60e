import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createAesGcmEncryptor } from './aes-gcm-encryptor'
import { describeSafeStorage, wrapSafeStorage, type SafeStorageApi } from './safe-storage-adapter'

function fakeSafeStorage(withAsync: boolean): SafeStorageApi & { calls: string[] } {
  const aes = createAesGcmEncryptor(randomBytes(32))
  const calls: string[] = []
  const api: SafeStorageApi & { calls: string[] } = {
    calls,
    encryptString: (plain) => (calls.push('encryptString'), aes.encrypt(plain)),
    decryptString: (data) => (calls.push('decryptString'), aes.decrypt(data)),
  }
  if (withAsync) {
    api.encryptStringAsync = async (plain) => (calls.push('encryptStringAsync'), aes.encrypt(plain))
    api.decryptStringAsync = async (data) => {
      calls.push('decryptStringAsync')
      return { result: aes.decrypt(data), shouldReEncrypt: false }
    }
  }
  return api
}

describe('the safeStorage adapter', () => {
  it('calls Linux basic_text, an unknown backend and unavailable encryption insecure, with a note', () => {
    const basic = describeSafeStorage({ platform: 'linux', available: true, backend: 'basic_text' })
    expect(basic).toMatchObject({ kind: 'safe-storage', secure: false, backend: 'basic_text' })
    expect(basic.note).toMatch(/only\s+be obfuscated/)
    expect(
      describeSafeStorage({ platform: 'linux', available: true, backend: 'unknown' }).secure,
    ).toBe(false)
    const none = describeSafeStorage({ platform: 'darwin', available: false })
    expect(none).toMatchObject({ secure: false })
    expect(none.note).toMatch(/no encryption/)
  })

  it('calls a real keyring or OS keychain secure', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(describeSafeStorage({ platform: 'linux', available: true, backend })).toMatchObject({
        secure: true,
        backend,
      })
    }
    expect(describeSafeStorage({ platform: 'darwin', available: true }).note).toMatch(/Keychain/)
    expect(describeSafeStorage({ platform: 'win32', available: true }).note).toMatch(/DPAPI/)
  })

  it('uses the async safeStorage methods when Electron has them, else the sync ones', async () => {
    const modern = fakeSafeStorage(true)
    const encryptor = wrapSafeStorage(modern, { platform: 'darwin', available: true })
    expect(await encryptor.decrypt(await encryptor.encrypt('sk-secret'))).toBe('sk-secret')
    expect(modern.calls).toEqual(['encryptStringAsync', 'decryptStringAsync'])
    const older = fakeSafeStorage(false)
    const sync = wrapSafeStorage(older, { platform: 'win32', available: true })
    expect(await sync.decrypt(await sync.encrypt('sk-secret'))).toBe('sk-secret')
    expect(older.calls).toEqual(['encryptString', 'decryptString'])
    expect(sync.describe()).toMatchObject({ kind: 'safe-storage', secure: true })
  })

  it('reports once that a decrypt asked for the value to be encrypted again', async () => {
    let rotated = false
    const api: SafeStorageApi = {
      encryptString: (plain) => Buffer.from(plain),
      decryptString: (data) => data.toString(),
      decryptStringAsync: async (data) => ({ result: data.toString(), shouldReEncrypt: rotated }),
    }
    const encryptor = wrapSafeStorage(api, { platform: 'win32', available: true })
    await encryptor.decrypt(Buffer.from('a'))
    expect(encryptor.takeReEncryptRequest?.()).toBe(false)
    rotated = true
    await encryptor.decrypt(Buffer.from('b'))
    rotated = false
    await encryptor.decrypt(Buffer.from('c'))
    expect(encryptor.takeReEncryptRequest?.()).toBe(true)
    expect(encryptor.takeReEncryptRequest?.()).toBe(false)
  })
})
