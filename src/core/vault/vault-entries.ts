import type { Encryptor } from './encryptor'
import { VaultDamagedError } from './vault-errors'

const KEY_CHECK = 'parallax-vault key check v1'

export async function makeKeyCheck(encryptor: Encryptor): Promise<string> {
  return (await encryptor.encrypt(KEY_CHECK)).toString('base64')
}

/** True when the encryptor decrypts the vault's key check: the key is the vault's key. */
export async function keyCheckPasses(encryptor: Encryptor, keyCheck: string): Promise<boolean> {
  try {
    return (await encryptor.decrypt(Buffer.from(keyCheck, 'base64'))) === KEY_CHECK
  } catch {
    return false
  }
}

// The connection id and field are encrypted with the value, so a value moved to another entry
// (by someone who can write the file) is detected rather than sent to another endpoint.
export async function sealValue(
  encryptor: Encryptor,
  connectionId: string,
  field: string,
  value: string,
): Promise<string> {
  return (await encryptor.encrypt(JSON.stringify([connectionId, field, value]))).toString('base64')
}

export async function openValue(
  encryptor: Encryptor,
  connectionId: string,
  field: string,
  sealed: string,
): Promise<string> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await encryptor.decrypt(Buffer.from(sealed, 'base64')))
  } catch {
    throw new VaultDamagedError(connectionId, field)
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== connectionId ||
    parsed[1] !== field ||
    typeof parsed[2] !== 'string'
  ) {
    throw new VaultDamagedError(connectionId, field)
  }
  return parsed[2]
}
