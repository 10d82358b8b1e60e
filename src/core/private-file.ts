import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs'

/** Owner-only: read and write for the person running Parallax, nothing for anyone else. */
export const PRIVATE_FILE_MODE = 0o600

const POSIX = process.platform !== 'win32'

/**
 * Narrows an existing file that others could read (say, one written by an older Parallax, or
 * copied from elsewhere) to owner-only. Best effort: a file this user cannot chmod is left as it
 * is. Windows has no POSIX modes; its per-user profile folders are already private.
 */
export function makePrivate(file: string): void {
  if (!POSIX || !existsSync(file)) return
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, PRIVATE_FILE_MODE)
  } catch {
    // Not ours to change (another owner, a read-only disk): leave it.
  }
}

/**
 * Creates `file` empty and owner-only if it does not exist, so whatever fills it later (SQLite,
 * which also gives its -wal and -shm files the main file's mode) starts from a private file.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
}
