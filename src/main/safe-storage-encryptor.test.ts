import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  ready: true,
  /** What the sync API reports; the async encryptor may use another key. */
  syncBackend: 'basic_text',
  /** The version tag the async encryptor writes (os_crypt_async). */
  tag: 'v11',
  available: true,
  shouldReEncrypt: false,
}))

vi.mock('electron', () => ({
  app: { isReady: () => electron.ready },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => electron.available,
    getSelectedStorageBackend: () => electron.syncBackend,
    encryptString: () => {
      throw new Error('the sync API is not used')
    },
    decryptString: () => {
      throw new Error('the sync API is not used')
    },
    encryptStringAsync: async (plain: string) =>
      Buffer.from(`${electron.tag}${[...plain].reverse().join('')}`),
    decryptStringAsync: async (data: Buffer) => ({
      result: [...data.toString().slice(3)].reverse().join(''),
      shouldReEncrypt: electron.shouldReEncrypt,
    }),
  },
}))

const { createSafeStorageEncryptor } = await import('./safe-storage-encryptor')
const { linuxAsyncBackend } = await import('./linux-key-provider')

beforeEach(() => {
  electron.ready = true
  electron.syncBackend = 'basic_text'
  electron.tag = 'v11'
  electron.available = true
  electron.shouldReEncrypt = false
})

describe('the safeStorage encryptor', () => {
  it('refuses to be built before app ready', async () => {
    electron.ready = false
    await expect(createSafeStorageEncryptor()).rejects.toThrow(/after app\.whenReady/)
  })

  it('uses the async safeStorage methods and passes on shouldReEncrypt', async () => {
    const encryptor = await createSafeStorageEncryptor()
    const sealed = await encryptor.encrypt('sk-secret')
    expect(sealed.toString()).toBe('v11terces-ks')
    expect(await encryptor.decrypt(sealed)).toBe('sk-secret')
    expect(encryptor.takeReEncryptRequest?.()).toBe(false)
    electron.shouldReEncrypt = true
    expect(await encryptor.decrypt(sealed)).toBe('sk-secret')
    expect(encryptor.takeReEncryptRequest?.()).toBe(true)
  })

  it.runIf(process.platform === 'linux')(
    'judges Linux by the key the async encryptor uses, not the sync backend',
    async () => {
      electron.syncBackend = 'kwallet6'
      electron.tag = 'v10'
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({
        kind: 'safe-storage',
        secure: false,
        backend: 'basic_text',
      })
      electron.syncBackend = 'basic_text'
      electron.tag = 'v11'
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({
        secure: true,
        backend: 'secret_service',
      })
      electron.available = false
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({ secure: false })
    },
  )
})

describe('linuxAsyncBackend', () => {
  it('names the key provider from the ciphertext’s version tag', () => {
    const sealed = (tag: string) => Buffer.concat([Buffer.from(tag), Buffer.alloc(16)])
    expect(linuxAsyncBackend(sealed('v10'), 'gnome_libsecret')).toBe('basic_text')
    expect(linuxAsyncBackend(sealed('v11'), 'gnome_libsecret')).toBe('gnome_libsecret')
    expect(linuxAsyncBackend(sealed('v11'), 'basic_text')).toBe('secret_service')
    expect(linuxAsyncBackend(sealed('v12'), 'basic_text')).toBe('secret_portal')
    expect(linuxAsyncBackend(sealed('v99'), 'kwallet6')).toBe('unknown')
    expect(linuxAsyncBackend(undefined, 'kwallet6')).toBe('unknown')
  })
})
