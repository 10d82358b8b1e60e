import type { VaultNoteCode } from '../../shared/vault-schemas'
import type { EncryptorKind } from './encryptor'
import type { SecretHint } from './secret-hint'
import type { KeySource, VaultNotice } from './vault-file'
import type { VaultKeyOptions } from './vault-keys'
import type { ReentryStatus } from './vault-reentry'

export type OpenVaultOptions = VaultKeyOptions & {
  /** The data folder; created (0700) if missing. */
  dir: string
  /** Default `vault.json`. */
  fileName?: string
  /** The person agreed to store keys with an insecure encryptor; recorded in the vault file. */
  allowInsecure?: boolean
  now?: () => number
  onNotice?: (notice: VaultNotice) => void
  /** Tests only: runs between the temp file's fsync and its rename (simulate a crash here). */
  beforeRename?: (tempFile: string) => void | Promise<void>
}

export interface VaultStatus {
  file: string
  kind: EncryptorKind
  keySource: KeySource
  /** False only while a passphrase vault opened locked has no file yet (first unlock creates it). */
  created: boolean
  /** False when the encryptor cannot really protect the keys (see `note`). */
  secure: boolean
  note?: string
  /** `note` as a code a screen words (src/shared/vault-schemas.ts), with what it names. */
  noteCode?: VaultNoteCode
  noteDetails?: Record<string, string>
  unlocked: boolean
  /** Connections with at least one stored secret. */
  count: number
  /** Insecure and not agreed to yet: `setSecrets` refuses until `allowInsecure()`. */
  consentRequired: boolean
  insecureConsent?: { at: string; note: string }
  /** Keys to enter again: the vault before this one could not be decrypted and was kept aside. */
  reentry?: ReentryStatus
}

export interface Vault {
  readonly file: string
  /** What happened at open (a damaged or undecryptable vault kept aside). */
  readonly notices: readonly VaultNotice[]
  status(): VaultStatus
  connectionIds(): string[]
  /** Secret fields of the connection that must be entered again (`[]` for none). */
  reentryFields(connectionId: string): string[]
  /**
   * Sets (string) or removes (null or '') the given fields; other fields are kept. `domain`, when
   * given, binds the connection's secrets to that trust domain (see `boundDomain`).
   */
  setSecrets(
    connectionId: string,
    secrets: Readonly<Record<string, string | null>>,
    domain?: string,
  ): Promise<void>
  /** The trust domain the connection's secrets were bound to; undefined when none is recorded. */
  boundDomain(connectionId: string): Promise<string | undefined>
  /**
   * Binds secrets that have no binding yet (a vault from before bindings) to `domainOf(id)`.
   * Does nothing while locked; returns how many connections it bound.
   */
  bindUnbound(domainOf: (connectionId: string) => string | undefined): Promise<number>
  /** The decrypted values, for the core to make a call. Never send them to the renderer. */
  getSecrets(connectionId: string): Promise<Record<string, string>>
  /** What the renderer may see: for every stored field and every field in `fields`. */
  hints(connectionId: string, fields?: readonly string[]): Promise<Record<string, SecretHint>>
  deleteSecrets(connectionId: string): Promise<boolean>
  /** Records the person's consent to store keys with an insecure encryptor. */
  allowInsecure(): Promise<void>
  /** Passphrase vaults: check the passphrase and keep the key in memory (creates a new vault). */
  unlock(passphrase: string): Promise<void>
  /** Passphrase vaults: forget the key; `unlock` again to use the secrets. */
  lock(): Promise<void>
  /** Re-encrypts every value under a key from `next` (new salt); `current` must be right. */
  changePassphrase(current: string, next: string): Promise<void>
  /** Waits for pending writes, then forgets the key. */
  close(): Promise<void>
}
