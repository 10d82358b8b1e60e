/** A write to the history database that failed because of the disk, not because of the data. */
export type StorageFailureKind = 'disk_full' | 'storage'

export interface StorageFailure {
  kind: StorageFailureKind
  message: string
}

// SQLite's primary result code (the low byte of an extended code) for "database or disk is full".
const SQLITE_FULL = 13

/** True for errors from SQLite or the file system (not "run not found" or "already ended"). */
export function isStorageError(error: unknown): boolean {
  const { errcode, code } = (error ?? {}) as { errcode?: unknown; code?: unknown }
  return typeof errcode === 'number' || code === 'ENOSPC' || code === 'EIO'
}

/**
 * What a failed history write means for a run: `disk_full` (SQLITE_FULL, ENOSPC) or `storage`
 * (any other error from the database), with a sentence saying the answer was not saved.
 */
export function describeStorageFailure(error: unknown): StorageFailure {
  const errcode = (error as { errcode?: unknown } | null)?.errcode
  const code = typeof errcode === 'number' ? errcode & 0xff : null
  const text = error instanceof Error ? error.message : String(error)
  if (code === SQLITE_FULL || /ENOSPC|database or disk is full/i.test(text)) {
    return {
      kind: 'disk_full',
      message:
        'The disk is full: the answer could not be saved to the history. Free some space and ' +
        'run it again.',
    }
  }
  return {
    kind: 'storage',
    message: `The answer could not be saved to the history (${text}). Run it again.`,
  }
}
