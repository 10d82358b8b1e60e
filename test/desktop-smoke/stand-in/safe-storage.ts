import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { appInstance } from './app.ts'
import { guarded, requireReady } from './rules.ts'
import { config, state } from './state.ts'

const VERSION = Buffer.from('v11')

function key(): Buffer {
  return Buffer.from(config().safeStorage.key, 'hex')
}

function encrypt(plain: string): Buffer {
  if (!config().safeStorage.available) {
    throw new Error('Error while encrypting the text provided to safeStorage.encryptString.')
  }
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return Buffer.concat([VERSION, iv, cipher.getAuthTag(), body])
}

/** A different keychain key fails here, as Chromium's OSCrypt does. */
function decrypt(data: Buffer): string {
  if (!config().safeStorage.available || !data.subarray(0, 3).equals(VERSION)) {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), data.subarray(3, 15))
    decipher.setAuthTag(data.subarray(15, 31))
    return Buffer.concat([decipher.update(data.subarray(31)), decipher.final()]).toString('utf8')
  } catch {
    throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
  }
}

/**
 * safeStorage with real AES-256-GCM under a key the test chooses. Encryption before ready is a
 * violation: Linux picks its backend only then ("unknown" before, electron.d.ts), so the key
 * would be the wrong one.
 */
export const safeStorage = guarded('safeStorage', {
  /** "initialized lazily the first time … is called after the app is ready": waits for ready. */
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    await appInstance.whenReady()
    return config().safeStorage.available
  },
  async encryptStringAsync(plain: string): Promise<Buffer> {
    requireReady('safeStorage.encryptStringAsync')
    return encrypt(plain)
  },
  async decryptStringAsync(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    requireReady('safeStorage.decryptStringAsync')
    return { result: decrypt(data), shouldReEncrypt: false }
  },
  isEncryptionAvailable(): boolean {
    return state.ready && config().safeStorage.available
  },
  encryptString(plain: string): Buffer {
    requireReady('safeStorage.encryptString')
    return encrypt(plain)
  },
  decryptString(data: Buffer): string {
    requireReady('safeStorage.decryptString')
    return decrypt(data)
  },
  getSelectedStorageBackend(): string {
    return state.ready ? config().safeStorage.backend : 'unknown'
  },
})
