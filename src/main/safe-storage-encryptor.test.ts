import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  ready: true,
  backend: 'basic_text',
  available: true,
}))

vi.mock('electron', () => ({
  app: { isReady: () => electron.ready },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => electron.available,
    getSelectedStorageBackend: () => electron.backend,
    encryptString: (plain: string) => Buffer.from(`sync:${plain}`),
    decryptString: (data: Buffer) => data.toString().slice('sync:'.length),
    encryptStringAsync: async (plain: string) =>
      Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptStringAsync: async (data: Buffer) => ({
      result: [...data.toString().slice('enc:'.length)].reverse().join(''),
      shouldReEncrypt: false,
    }),
  },
}))

const { createSafeStorageEncryptor } = await import('./safe-storage-encryptor')

beforeEach(() => {
  electron.ready = true
  electron.backend = 'basic_text'
  electron.available = true
})

describe('the safeStorage encryptor', () => {
  it('refuses to be built before app ready', async () => {
    electron.ready = false
    await expect(createSafeStorageEncryptor()).rejects.toThrow(/after app\.whenReady/)
  })

  it('uses the async safeStorage methods', async () => {
    const encryptor = await createSafeStorageEncryptor()
    const sealed = await encryptor.encrypt('sk-secret')
    expect(sealed.toString()).toBe('enc:terces-ks')
    expect(await encryptor.decrypt(sealed)).toBe('sk-secret')
  })

  it.runIf(process.platform === 'linux')(
    'reports the Linux backend and whether it is secure',
    async () => {
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({
        kind: 'safe-storage',
        secure: false,
        backend: 'basic_text',
      })
      electron.backend = 'kwallet6'
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({ secure: true })
      electron.available = false
      expect((await createSafeStorageEncryptor()).describe()).toMatchObject({ secure: false })
    },
  )
})
