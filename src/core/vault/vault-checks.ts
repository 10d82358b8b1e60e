import { InputError } from '../errors/domain-errors'
import { VaultError, VaultLockedError } from './vault-errors'
import type { VaultFile } from './vault-file'
import { describeScheme, type KeyScheme } from './vault-keys'

const MAX_ID = 256
const MAX_VALUE = 64 * 1024
const FIELD = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/

export function checkScheme(file: string, doc: VaultFile, scheme: KeyScheme): void {
  if (doc.encryptor === scheme.kind && doc.keySource === scheme.keySource) return
  const stored = { kind: doc.encryptor, keySource: doc.keySource }
  throw new VaultLockedError(
    'mismatch',
    `The key vault ${file} is protected by ${describeScheme(stored)}; it cannot be opened with ` +
      `${describeScheme(scheme)}. Nothing was changed.`,
    doc.keySource,
  )
}

export function wrongKey(file: string, scheme: KeyScheme, keyFile?: string): VaultLockedError {
  if (scheme.keySource === 'passphrase') {
    return new VaultLockedError(
      'wrong-passphrase',
      `wrong passphrase (the key vault ${file} was not changed)`,
    )
  }
  if (scheme.keySource === 'key-file') {
    return new VaultLockedError(
      'wrong-key',
      `The key file ${keyFile ?? ''} does not match the key vault ${file}. Nothing was changed.`,
    )
  }
  return new VaultLockedError(
    'wrong-key',
    `${describeScheme(scheme)} cannot decrypt the key vault ${file} (it may have been created by ` +
      `another user or on another computer, or the keychain was reset). Nothing was changed.`,
  )
}

export function unsupported(what: string): VaultError {
  return new VaultError('unsupported', `${what} applies only to a vault protected by a passphrase.`)
}

export function checkId(connectionId: string): void {
  if (
    typeof connectionId !== 'string' ||
    connectionId === '' ||
    connectionId === '__proto__' ||
    connectionId.length > MAX_ID
  ) {
    throw new InputError(`A connection id is a non-empty string of at most ${MAX_ID} characters.`)
  }
}

export function checkField(field: string, value: unknown): void {
  if (!FIELD.test(field)) throw new InputError(`"${field}" is not a valid field name.`)
  if (value !== null && typeof value !== 'string') {
    throw new InputError(`The value of "${field}" must be text (or null to remove it).`)
  }
  if (typeof value === 'string' && value.length > MAX_VALUE) {
    throw new InputError(`The value of "${field}" is longer than ${MAX_VALUE} characters.`)
  }
}
