import type { DatabaseSync } from 'node:sqlite'
import { nextDocKey } from './doc-keys'
import { clearSearchIndex, indexKeyRange } from './search-index'
import {
  forgetSearchRebuildState,
  saveSearchRebuildState,
  searchRebuildState,
} from './search-rebuild-state'
import { transaction } from '../database/statement-cache'

/**
 * Rebuilding the search indexes of an existing database (for a new folding, schema version 7)
 * without holding the app up: the indexes are emptied, then refilled from the rows a range of
 * keys at a time, newest first, each range in its own short transaction. Meanwhile search works
 * on what is indexed so far (the newest items first) and says how far the rebuild has got, and
 * every write keeps working (search-index.ts leaves the keys the rebuild has not reached to it).
 * A rebuild interrupted by a quit continues at the next start from where it stopped.
 */

/** Databases with at most this many doc keys are rebuilt at once (well under a second). */
export const REBUILD_AT_ONCE_MAX = 20_000
/** Keys per step: ~25 ms of work each on the development machine (~50 µs per doc). */
const KEYS_PER_STEP = 500

export interface SearchRebuildProgress {
  /** 0–100, whole numbers. */
  percent: number
}

/**
 * Empties the indexes and rebuilds them: at once when there are at most `atOnceMax` doc keys, else
 * from now on in steps (runSearchRebuildInBackground). In the caller's transaction.
 */
export function scheduleSearchRebuild(db: DatabaseSync, atOnceMax = REBUILD_AT_ONCE_MAX): void {
  clearSearchIndex(db)
  const below = nextDocKey(db)
  if (below - 1 <= atOnceMax) {
    indexKeyRange(db, 0, below)
    saveSearchRebuildState(db, null)
  } else saveSearchRebuildState(db, { below, total: below })
}

/** How far the rebuild has got, or null when none is in progress. */
export function searchRebuildProgress(db: DatabaseSync): SearchRebuildProgress | null {
  const state = searchRebuildState(db)
  if (state === null) return null
  const done = state.total - state.below
  return { percent: Math.min(99, Math.floor((100 * done) / Math.max(1, state.total))) }
}

/** One step of the rebuild in its own transaction; false when there is nothing left to do. */
export function rebuildSearchStep(db: DatabaseSync, keys = KEYS_PER_STEP): boolean {
  const state = searchRebuildState(db)
  if (state === null) return false
  const from = Math.max(0, state.below - keys)
  try {
    transaction(db, () => {
      indexKeyRange(db, from, state.below)
      saveSearchRebuildState(db, from === 0 ? null : { below: from, total: state.total })
    })
  } catch (error) {
    forgetSearchRebuildState(db)
    throw error
  }
  return from > 0
}

/** Runs the whole rebuild now (tools, tests, the benchmark). */
export function finishSearchRebuild(db: DatabaseSync): void {
  while (rebuildSearchStep(db)) {
    // each step commits on its own
  }
}

export interface BackgroundRebuildOptions {
  /** After each step, and once with null when the rebuild is complete. */
  onProgress?: (progress: SearchRebuildProgress | null) => void
  /** A step failed: the rebuild stops here (it continues at the next start). */
  onError?: (error: unknown) => void
}

export interface BackgroundRebuild {
  stop(): void
}

/**
 * Runs the rebuild step by step between other work (one step per turn of the event loop), until
 * it is complete, the database is closed, or `stop()`. Null when no rebuild is in progress.
 */
export function runSearchRebuildInBackground(
  db: DatabaseSync,
  options: BackgroundRebuildOptions = {},
): BackgroundRebuild | null {
  if (searchRebuildState(db) === null) return null
  let stopped = false
  let timer: NodeJS.Immediate | null = null
  const step = () => {
    timer = null
    if (stopped || !db.isOpen) return
    let more: boolean
    try {
      more = rebuildSearchStep(db)
    } catch (error) {
      stopped = true
      options.onError?.(error)
      return
    }
    options.onProgress?.(more ? searchRebuildProgress(db) : null)
    if (more) timer = setImmediate(step)
  }
  timer = setImmediate(step)
  return {
    stop() {
      stopped = true
      if (timer) clearImmediate(timer)
    },
  }
}
