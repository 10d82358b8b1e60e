import { randomBytes, scrypt } from 'node:crypto'
import { AES_KEY_BYTES } from './aes-gcm-encryptor'
import { VaultError } from './vault-errors'

export interface ScryptParams {
  name: 'scrypt'
  /** base64, 16 random bytes, new for every passphrase. */
  salt: string
  N: number
  r: number
  p: number
}

/**
 * 32 MiB and ~230 ms on this project's 2-core test machine. Stored in the vault header, so a
 * later version can raise them (on the next passphrase change) without breaking old vaults.
 */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const
export const MIN_PASSPHRASE_LENGTH = 8

export function newScryptParams(): ScryptParams {
  return { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_SCRYPT }
}

/** Refuses parameters a tampered header could use to stall the app or weaken the key. */
export function checkScryptParams(params: ScryptParams): void {
  const powerOfTwo = Number.isInteger(Math.log2(params.N))
  const salt = Buffer.from(params.salt, 'base64')
  const ok =
    powerOfTwo &&
    params.N >= 2 ** 14 &&
    params.N <= 2 ** 20 &&
    Number.isInteger(params.r) &&
    params.r >= 8 &&
    params.r <= 32 &&
    Number.isInteger(params.p) &&
    params.p >= 1 &&
    params.p <= 16 &&
    salt.length >= 16
  if (!ok) throw new TypeError('The vault header has key-derivation parameters out of range.')
}

/** A passphrase for a new vault or a passphrase change; existing vaults open with any. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new VaultError(
      'passphrase',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    )
  }
}

/** scrypt on the thread pool (does not block the event loop). NFC makes input methods agree. */
export function deriveKey(passphrase: string, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params)
  const { N, r, p } = params
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      Buffer.from(params.salt, 'base64'),
      AES_KEY_BYTES,
      { N, r, p, maxmem: 256 * N * r * p },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}
