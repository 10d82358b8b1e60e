import type { DatabaseSync } from 'node:sqlite'
import { startImportSyncTokens, type ImportSyncTokens } from '../database/search-sync'
import {
  canWriteSearchInBackground,
  postSearchJob,
  SEARCH_JOB_DOCS,
  type SearchJobDoc,
} from '../database/search-writer'
import { indexDocs, searchDocsFor, type Doc } from './search-index'

/** Rows per part of an import: each part's entries go to the writer while the next part goes in. */
export const IMPORT_PART_ITEMS = SEARCH_JOB_DOCS

/** Where an import's search entries go, part by part as its rows go in. */
export interface ImportIndexSink {
  /** A part's added docs, in the import's transaction. */
  add(docs: readonly Doc[]): void
  /** In the import's transaction, after its last part. */
  finish(): void
  /** After the transaction, which committed or rolled back. */
  settle(committed: boolean): void
}

/**
 * Outside a caller's transaction, the search writer's thread indexes each part while the next
 * part's rows go in (search-writer.ts): one large file then costs about its index's time instead
 * of rows + index. Its entries are in the search file before the rows commit, under a pending
 * token (search-sync.ts: a crash then rebuilds the index at the next open), and are taken out
 * again if the rows roll back. Inside a caller's transaction, everything is indexed in place at
 * the end, in one pass.
 */
export function importIndexSink(db: DatabaseSync): ImportIndexSink {
  return canWriteSearchInBackground(db) ? backgroundSink(db) : inPlaceSink(db)
}

function inPlaceSink(db: DatabaseSync): ImportIndexSink {
  const all: Doc[] = []
  return {
    add: (docs) => {
      for (const doc of docs) all.push(doc)
    },
    // The search indexes take keys in ascending order (see indexDocs).
    finish: () =>
      indexDocs(
        db,
        all.sort((a, b) => a.key - b.key),
      ),
    settle: () => undefined,
  }
}

function backgroundSink(db: DatabaseSync): ImportIndexSink {
  let tokens: ImportSyncTokens | null = null
  const posted: SearchJobDoc[] = []
  const start = (): ImportSyncTokens => {
    if (tokens) return tokens
    const started = startImportSyncTokens(db)
    postSearchJob(db, { docs: [], token: { prev: started.prev, next: started.pending } })
    return (tokens = started)
  }
  return {
    add: (docs) => {
      start()
      const part = searchDocsFor(db, docs)
      if (part.length === 0) return
      postSearchJob(db, { docs: part })
      for (const doc of part) posted.push(doc)
    },
    finish: () => undefined,
    settle: (committed) => {
      if (!tokens) return
      const { prev, pending, next } = tokens
      if (committed) postSearchJob(db, { docs: [], token: { prev: pending, next } })
      else postSearchJob(db, { docs: posted, remove: true, token: { prev: pending, next: prev } })
    },
  }
}
