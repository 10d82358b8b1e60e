import { chmod, readFile, rename, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { z } from 'zod'
import { VaultVersionError } from './vault-errors'
import { ReentrySchema, type ReentryReason } from './vault-reentry'

export const VAULT_FORMAT = 'parallax-vault'
export const VAULT_FORMAT_VERSION = 1
export const VAULT_FILE_NAME = 'vault.json'

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64')

const ScryptParamsSchema = z.object({
  name: z.literal('scrypt'),
  salt: base64,
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
})

export const VaultFileSchema = z.object({
  format: z.literal(VAULT_FORMAT),
  version: z.literal(VAULT_FORMAT_VERSION),
  encryptor: z.enum(['safe-storage', 'aes-gcm']),
  /** How the key was obtained: a passphrase (scrypt), a key file, or the encryptor itself. */
  keySource: z.enum(['passphrase', 'key-file', 'encryptor']),
  kdf: ScryptParamsSchema.optional(),
  /** A known constant encrypted under the key: proves a key right even when no secret is stored. */
  keyCheck: base64,
  insecureConsent: z.object({ at: z.string(), note: z.string() }).optional(),
  /** connection id → field name → encrypted value (base64 of the encryptor's bytes). */
  secrets: z.record(z.string().min(1), z.record(z.string().min(1), base64)),
  /** Keys to enter again: the vault before this one could not be decrypted (kept aside). */
  reentry: ReentrySchema.optional(),
  /** connection id → the trust domain its secrets were entered for, sealed (vault-bindings.ts). */
  bindings: z.record(z.string().min(1), base64).optional(),
})

export type VaultFile = z.infer<typeof VaultFileSchema>
export type KeySource = VaultFile['keySource']

export type VaultNotice =
  | { kind: 'vault-moved-aside'; message: string; movedTo: string; reason: string }
  /** The key cannot decrypt the vault: it was kept aside and its keys must be entered again. */
  | {
      kind: 'vault-unreadable'
      message: string
      movedTo: string
      reason: ReentryReason
      /** Connections whose keys must be entered again. */
      count: number
    }

export type ReadVault =
  { state: 'missing' } | { state: 'ok'; doc: VaultFile } | { state: 'unreadable'; reason: string }

/** Reads and validates the vault file. A file from a newer Parallax throws and stays untouched. */
export async function readVaultFile(file: string): Promise<ReadVault> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { state: 'unreadable', reason: 'the file is not valid JSON' }
  }
  const version = (json as { version?: unknown } | null)?.version
  if (
    (json as { format?: unknown } | null)?.format === VAULT_FORMAT &&
    typeof version === 'number' &&
    version > VAULT_FORMAT_VERSION
  ) {
    throw new VaultVersionError(file, version, VAULT_FORMAT_VERSION)
  }
  const parsed = VaultFileSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') ?? ''
    return {
      state: 'unreadable',
      reason: `the file is not a valid vault (${where}: ${issue?.message})`,
    }
  }
  if (parsed.data.keySource === 'passphrase' && parsed.data.kdf === undefined) {
    return { state: 'unreadable', reason: 'the file is not a valid vault (kdf: missing)' }
  }
  return { state: 'ok', doc: parsed.data }
}

export function serializeVault(doc: VaultFile): string {
  return JSON.stringify(doc, null, 2) + '\n'
}

/** Renames a vault to `<file>.unreadable-<UTC time>` (`-2`, `-3` … if taken); never deletes it. */
export async function renameAside(file: string, time: number): Promise<string> {
  const stamp = new Date(time).toISOString().replace(/[-:.]/g, '')
  let target = `${file}.unreadable-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${file}.unreadable-${stamp}-${n}`
  await rename(file, target)
  return target
}

/** Moves a damaged vault aside (never deletes it); the notice says where. */
export async function moveVaultAside(
  file: string,
  reason: string,
  time: number,
): Promise<VaultNotice> {
  const target = await renameAside(file, time)
  return {
    kind: 'vault-moved-aside',
    message:
      `The key vault could not be read (${reason}). It was moved to ${target} and a new, empty ` +
      `vault was started; enter your API keys again.`,
    movedTo: target,
    reason,
  }
}

/** Narrows a vault file that others can read back to 0600 (POSIX); writes always create 0600. */
export async function restrictMode(file: string): Promise<void> {
  if (process.platform === 'win32') return
  const info = await stat(file)
  if ((info.mode & 0o077) !== 0) await chmod(file, 0o600)
}
