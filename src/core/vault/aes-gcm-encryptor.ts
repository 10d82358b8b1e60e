import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Encryptor, EncryptorDescription } from './encryptor'

export const AES_KEY_BYTES = 32
const ENVELOPE_VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES
// Binds every envelope to this scheme and version, so bytes from another context never verify.
const AAD = Buffer.from('parallax-vault/aes-256-gcm/v1', 'utf8')

export interface AesGcmEncryptor extends Encryptor {
  readonly kind: 'aes-gcm'
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
  /** Overwrites the key in memory; the encryptor is unusable afterwards. */
  destroy(): void
}

/**
 * AES-256-GCM with a random 96-bit IV per value. Envelope (bytes):
 * `version (1) | iv (12) | tag (16) | ciphertext`.
 */
export function createAesGcmEncryptor(
  key: Buffer,
  note?: Pick<EncryptorDescription, 'note' | 'noteCode' | 'noteDetails'>,
): AesGcmEncryptor {
  if (key.length !== AES_KEY_BYTES) {
    throw new TypeError(`An AES-256 key has ${AES_KEY_BYTES} bytes, not ${key.length}.`)
  }
  const secret = Buffer.from(key)
  let destroyed = false
  const usable = (): Buffer => {
    if (destroyed) throw new Error('This encryptor was destroyed.')
    return secret
  }
  const description: EncryptorDescription = { kind: 'aes-gcm', secure: true, ...note }
  return {
    kind: 'aes-gcm',
    encrypt(plain: string): Buffer {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', usable(), iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(AAD)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([Buffer.of(ENVELOPE_VERSION), iv, cipher.getAuthTag(), body])
    },
    decrypt(data: Buffer): string {
      if (data.length < HEADER_BYTES) throw new Error('The encrypted value is too short.')
      if (data[0] !== ENVELOPE_VERSION) {
        throw new Error(`Unknown envelope version ${String(data[0])}.`)
      }
      const iv = data.subarray(1, 1 + IV_BYTES)
      const tag = data.subarray(1 + IV_BYTES, HEADER_BYTES)
      const decipher = createDecipheriv('aes-256-gcm', usable(), iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(AAD)
      decipher.setAuthTag(tag)
      // final() throws "Unsupported state or unable to authenticate data" for a wrong key.
      return Buffer.concat([
        decipher.update(data.subarray(HEADER_BYTES)),
        decipher.final(),
      ]).toString('utf8')
    },
    describe: () => ({ ...description }),
    destroy() {
      secret.fill(0)
      destroyed = true
    },
  }
}
