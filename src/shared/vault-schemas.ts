import { z } from 'zod'

/** Long enough for any passphrase a person types; short enough that scrypt input stays small. */
export const MAX_PASSPHRASE_CHARS = 1024
/** The same minimum the vault enforces for a new passphrase (src/core/vault/passphrase-key.ts). */
export const MIN_NEW_PASSPHRASE_CHARS = 8

/**
 * What the vault's `note` says, as a code the screen words in its language: no OS encryption,
 * keys only obfuscated (Linux without a keyring), where the key is kept (details: `store` for a
 * Linux keyring), or derived from the passphrase or read from a key file.
 */
export const VAULT_NOTE_CODES = [
  'os_encryption_unavailable',
  'obfuscated_only',
  'macos_keychain',
  'windows_dpapi',
  'linux_keyring',
  'os_keychain',
  'passphrase_key',
  'key_file',
] as const
export type VaultNoteCode = (typeof VAULT_NOTE_CODES)[number]

export const VaultStatusSchema = z.object({
  kind: z.string(),
  /** How the key is obtained: a passphrase (web host), a 0600 key file, or the OS keychain. */
  keySource: z.enum(['passphrase', 'key-file', 'encryptor']),
  /**
   * False only for a passphrase vault that does not exist yet: the first unlock chooses its
   * passphrase (at least 8 characters).
   */
  created: z.boolean(),
  secure: z.boolean(),
  /** How the keys are protected, in the host's English; `noteCode` says the same as a code. */
  note: z.string().optional(),
  /** One of VAULT_NOTE_CODES, as any text: a screen shows `note` for a code it does not know. */
  noteCode: z.string().optional(),
  noteDetails: z.record(z.string(), z.string()).optional(),
  unlocked: z.boolean(),
  count: z.number().int(),
  consentRequired: z.boolean(),
  /**
   * Saved keys must be entered again: the vault could not be decrypted and was kept aside (never
   * deleted) under `keptAs` in the data folder. `count` connections wait for their key.
   */
  reentry: z
    .object({
      count: z.number().int(),
      reason: z.enum(['key_file_replaced', 'key_file_missing', 'keychain_changed']),
      at: z.string(),
      keptAs: z.string(),
    })
    .optional(),
})
export type VaultStatusView = z.infer<typeof VaultStatusSchema>

const passphrase = (what: string) =>
  z
    .string()
    .min(1, `Enter ${what}.`)
    .max(MAX_PASSPHRASE_CHARS, `A passphrase has at most ${MAX_PASSPHRASE_CHARS} characters.`)

export const VaultUnlockInputSchema = z.strictObject({ passphrase: passphrase('the passphrase') })

export const VaultChangePassphraseInputSchema = z.strictObject({
  current: passphrase('the current passphrase'),
  next: passphrase('the new passphrase'),
})
