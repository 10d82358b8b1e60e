import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureDataDir, type PreparedDataDir, type ResolvedDataDir } from './data-dir'
import {
  acquireDataDirLock,
  DataDirInUseError,
  type DataDirLock,
  type LockHolderKind,
} from './data-dir-lock'
import { copyDataFiles, writeDataLocation } from './data-location'

export interface OpenedDataDir {
  location: PreparedDataDir
  /** Held until the process ends; release it after the core closed. */
  lock: DataDirLock
}

/**
 * Takes the data folder for this process: creates it, locks it, and only then applies a change
 * chosen in Settings (recorded first, then the data copied once; the originals stay). Throws
 * DataDirInUseError before writing anything when another process holds the folder, or the folder
 * whose data is to be copied. A chosen folder that cannot be created (say, on a disk that is not
 * mounted) falls back to the folder used before, so Parallax still starts and can say why.
 */
export function openDataDir(
  location: ResolvedDataDir,
  options: { kind: LockHolderKind; now?: () => Date },
): OpenedDataDir {
  const target = ensureOrFallBack(location)
  const lock = acquireDataDirLock(target.dir, options)
  try {
    return { location: applyChosenChange(target, options), lock }
  } catch (error) {
    lock.release()
    throw error
  }
}

function ensureOrFallBack(location: ResolvedDataDir): PreparedDataDir {
  if (location.source === 'flag' || location.source === 'env') {
    ensureDataDir(location.dir)
    return location
  }
  const candidates = [location.dir, location.previousDir, location.defaultDir]
  const tried = new Set<string>()
  let failure: unknown
  for (const dir of candidates) {
    if (dir === undefined || tried.has(resolve(dir))) continue
    tried.add(resolve(dir))
    try {
      ensureDataDir(dir)
    } catch (error) {
      failure ??= error
      continue
    }
    if (dir === location.dir) return location
    // The change stays saved, so the next start tries the chosen folder again.
    const atDefault = resolve(dir) === resolve(location.defaultDir)
    return {
      dir,
      source: atDefault ? 'default' : 'chosen',
      defaultDir: location.defaultDir,
      unavailable: location.dir,
    }
  }
  throw failure
}

function applyChosenChange(
  target: PreparedDataDir,
  options: { kind: LockHolderKind; now?: () => Date },
): PreparedDataDir {
  const change = target.applying
  if (!change) return target
  const from = change.copyFrom
  let sourceLock: DataDirLock | undefined
  if (from !== undefined && existsSync(from)) {
    try {
      sourceLock = acquireDataDirLock(from, options)
    } catch (error) {
      if (!(error instanceof DataDirInUseError)) throw error
      throw new DataDirInUseError(from, error.holder, {
        copyingTo: target.dir,
        ...(options.now ? { now: options.now() } : {}),
      })
    }
  }
  try {
    // Applied once: whatever happens to the copy, the next start does not copy again.
    const atDefault = resolve(target.dir) === resolve(target.defaultDir)
    writeDataLocation(target.defaultDir, atDefault ? null : { dataDir: target.dir })
    if (from === undefined) return target
    try {
      copyDataFiles(from, target.dir)
      return { ...target, copiedFrom: from }
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? 'unknown'
      return { ...target, copyFailed: { from, reason } }
    }
  } finally {
    sourceLock?.release()
  }
}
