export type VaultErrorKind =
  | 'locked'
  | 'key-file'
  | 'insecure'
  | 'version'
  | 'closed'
  | 'damaged'
  | 'passphrase'
  | 'unsupported'
  | 'unavailable'
  | 'reenter'

/** Every error the vault throws on purpose; `kind` lets a host turn it into contract data. */
export class VaultError extends Error {
  override name = 'VaultError'
  constructor(
    readonly kind: VaultErrorKind,
    message: string,
  ) {
    super(message)
  }
}

export type VaultLockedReason = 'wrong-passphrase' | 'wrong-key' | 'mismatch' | 'locked'

/**
 * The vault cannot be read with the key given (wrong passphrase, another key file, another
 * encryptor) or has not been unlocked yet. Nothing on disk was changed.
 */
export class VaultLockedError extends VaultError {
  override name = 'VaultLockedError'
  constructor(
    readonly reason: VaultLockedReason,
    message: string,
    /** For `mismatch`: how the file on disk is protected, so a host can say what to do. */
    readonly storedKeySource?: 'passphrase' | 'key-file' | 'encryptor',
  ) {
    super('locked', message)
  }
}

export type VaultKeyFileProblem = 'permissions' | 'size' | 'not-a-file' | 'missing'

/** The key file is unusable; it is never rewritten or replaced. */
export class VaultKeyFileError extends VaultError {
  override name = 'VaultKeyFileError'
  constructor(
    readonly file: string,
    readonly problem: VaultKeyFileProblem,
    message: string,
  ) {
    super('key-file', message)
  }
}

/** The encryptor is not secure (e.g. Linux `basic_text`) and the person has not agreed yet. */
export class VaultInsecureError extends VaultError {
  override name = 'VaultInsecureError'
  constructor(readonly note: string) {
    super(
      'insecure',
      `Keys would not be stored securely: ${note} Agree to store them anyway before saving one.`,
    )
  }
}

/** The vault file was written by a newer Parallax; it was left untouched. */
export class VaultVersionError extends VaultError {
  override name = 'VaultVersionError'
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      'version',
      `The key vault ${file} has format version ${fileVersion}, but this version of Parallax ` +
        `understands versions up to ${supportedVersion}. It has been left untouched. Update ` +
        `Parallax to open it.`,
    )
  }
}

export class VaultClosedError extends VaultError {
  override name = 'VaultClosedError'
  constructor() {
    super('closed', 'The key vault is closed.')
  }
}

/**
 * The connection's key was in a vault that could not be decrypted (key file replaced or missing,
 * keychain changed): it must be entered again before the connection can be used.
 */
export class VaultReentryError extends VaultError {
  override name = 'VaultReentryError'
  constructor(
    readonly connectionId: string,
    readonly fields: readonly string[],
  ) {
    super(
      'reenter',
      `The key for connection ${connectionId} must be entered again (${fields.join(', ')}): the ` +
        `key vault it was saved in can no longer be decrypted. Enter it in Connections.`,
    )
  }
}

/** One stored value could not be decrypted although the key is right: the file was altered. */
export class VaultDamagedError extends VaultError {
  override name = 'VaultDamagedError'
  constructor(
    readonly connectionId: string,
    readonly field: string,
  ) {
    super(
      'damaged',
      `The stored value of "${field}" for connection ${connectionId} cannot be decrypted (the ` +
        `vault file was altered). Enter this secret again.`,
    )
  }
}
