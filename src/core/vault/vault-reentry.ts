import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import type { KeyScheme } from './vault-keys'

/**
 * Why the saved keys must be entered again: what can be told apart when the available key cannot
 * decrypt an existing vault. A passphrase vault is never here: the person can type it again.
 */
export const REENTRY_REASONS = [
  'key_file_replaced',
  'key_file_missing',
  'keychain_changed',
] as const
export type ReentryReason = (typeof REENTRY_REASONS)[number]

/** Stored in the new vault file, so the marks survive a restart until each key is entered. */
export const ReentrySchema = z.object({
  reason: z.enum(REENTRY_REASONS),
  /** When the unreadable vault was kept aside (ISO time). */
  at: z.string(),
  /** The unreadable vault's file name in the vault's folder; it is only read, never written. */
  keptAs: z.string().min(1),
  /** connection id → secret field names whose values must be entered again. */
  pending: z.record(z.string().min(1), z.array(z.string().min(1))),
})
export type Reentry = z.infer<typeof ReentrySchema>

/** What `status()` reports while keys wait to be entered again. */
export interface ReentryStatus {
  /** Connections with at least one key to enter again. */
  count: number
  reason: ReentryReason
  at: string
  /** Full path of the kept, unreadable vault. */
  keptAt: string
}

interface WithReentry {
  secrets: Record<string, Record<string, string>>
  reentry?: Reentry | undefined
}

export function reentryReason(scheme: KeyScheme, keyFileCreated: boolean): ReentryReason {
  if (scheme.keySource === 'key-file')
    return keyFileCreated ? 'key_file_missing' : 'key_file_replaced'
  return 'keychain_changed'
}

/**
 * Every field the unreadable vault held, plus what it still waited for (a vault can become
 * unreadable twice before every key was entered again). Ids and field names are plain text.
 */
export function pendingFrom(old: WithReentry): Record<string, string[]> {
  const pending: Record<string, Set<string>> = {}
  const add = (id: string, fields: readonly string[]) => {
    if (fields.length === 0) return
    const set = (pending[id] ??= new Set())
    for (const field of fields) set.add(field)
  }
  for (const [id, fields] of Object.entries(old.reentry?.pending ?? {})) add(id, fields)
  for (const [id, entry] of Object.entries(old.secrets)) add(id, Object.keys(entry))
  return Object.fromEntries(Object.entries(pending).map(([id, set]) => [id, [...set].sort()]))
}

export function newReentry(
  reason: ReentryReason,
  keptAt: string,
  time: number,
  pending: Record<string, string[]>,
): Reentry {
  return { reason, at: new Date(time).toISOString(), keptAs: basename(keptAt), pending }
}

/** The fields of one connection still waiting to be entered again. */
export function reentryFields(doc: WithReentry | null, connectionId: string): string[] {
  const pending = doc?.reentry?.pending
  if (pending === undefined || !Object.hasOwn(pending, connectionId)) return []
  return [...(pending[connectionId] ?? [])]
}

/**
 * The document with the marks of `fields` (all of the connection's when omitted) removed; the
 * record goes away with its last mark.
 */
export function clearMarks<T extends WithReentry>(
  doc: T,
  connectionId: string,
  fields?: readonly string[],
): T {
  const reentry = doc.reentry
  if (reentry === undefined || !Object.hasOwn(reentry.pending, connectionId)) return doc
  const left =
    fields === undefined
      ? []
      : (reentry.pending[connectionId] ?? []).filter((field) => !fields.includes(field))
  const pending = Object.fromEntries(
    Object.entries(reentry.pending).filter(([id]) => id !== connectionId),
  )
  if (left.length > 0) pending[connectionId] = left
  const { reentry: _old, ...rest } = doc
  if (Object.keys(pending).length === 0) return rest as T
  return { ...rest, reentry: { ...reentry, pending } } as T
}

export function reentryStatus(doc: WithReentry | null, file: string): ReentryStatus | undefined {
  const reentry = doc?.reentry
  if (reentry === undefined) return undefined
  return {
    count: Object.keys(reentry.pending).length,
    reason: reentry.reason,
    at: reentry.at,
    keptAt: join(dirname(file), reentry.keptAs),
  }
}

const WHY: Record<ReentryReason, string> = {
  key_file_replaced: 'the key file does not match it (it was replaced)',
  key_file_missing: 'its key file is missing (a new key file was created)',
  keychain_changed: "the OS keychain's key has changed",
}

export function reentryMessage(reason: ReentryReason, file: string, keptAt: string, count: number) {
  return (
    `The saved keys in ${file} cannot be decrypted: ${WHY[reason]}. The unreadable vault was ` +
    `kept at ${keptAt} (not deleted) and a new one was started; enter the keys of ${count} ` +
    `connection${count === 1 ? '' : 's'} again in Connections.`
  )
}
