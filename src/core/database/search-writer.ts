import type { DatabaseSync } from 'node:sqlite'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { SEARCH_CACHE_SIZE, SEARCH_SCHEMA } from './search-file'
import { searchWriterThread } from './search-writer-thread'

/**
 * Writes a bulk import's search entries on a worker thread, into the search file (search-file.ts)
 * through a connection of its own, while this thread goes on with the next rows: SQLite lets one
 * connection write a file at a time, and the search index is two thirds of an import's work, so
 * the two files are written side by side on two cores.
 *
 * The main thread stays the only one that decides: it posts jobs in order (an import's parts as
 * their rows go in, import-index-sink.ts), and before anything reads or writes the index on its
 * own connection it drains (waits for every posted job to be written). So search sees exactly
 * what it did when everything ran on one thread. Only imports go this way; every other index
 * write is small and stays on the main connection. A failed job suspends the index for the rest
 * of the session; the sync tokens (search-sync.ts) then differ, and the next open rebuilds it.
 */

/** Docs per job: ~0.3 s of indexing, so draining never waits long for a job it did not need. */
export const SEARCH_JOB_DOCS = 10_000
/**
 * Jobs waiting at most (≤ ~50 MB of text): an import faster than its indexing waits instead of
 * piling up text. Each import also posts two token-only jobs; with 3, batches of imports waited
 * on those and lost a fifth of their speed (bench:history at 300,000 messages).
 */
const MAX_QUEUED_JOBS = 6
/** Waiting this long for one job without any job finishing: the writer is gone. */
const STALL_MS = 120_000

export interface SearchJobDoc {
  key: number
  /** The text for the trigram index (folded). */
  trigram: string
  /** The text for the short index ('' when none). */
  short: string
}

export interface SearchSyncToken {
  prev: string
  next: string
}

interface Writer {
  worker: Worker
  control: Int32Array
  errors: MessagePort
  posted: number
}

const writers = new WeakMap<DatabaseSync, Writer>()
/** Connections whose background index write failed: the index stays as it is until restart. */
const suspended = new WeakSet<DatabaseSync>()

/**
 * True when `db`'s search entries can be written in the background: this thread may block while
 * it waits for the writer, the search file is a file (not in memory), no caller's transaction is
 * open (an import's jobs are undone if its own transaction rolls back), and no write failed.
 */
export function canWriteSearchInBackground(db: DatabaseSync): boolean {
  return (
    threadCanBlock() &&
    !db.isTransaction &&
    !suspended.has(db) &&
    db.location(SEARCH_SCHEMA) !== null
  )
}

let canBlock: boolean | undefined

/**
 * Whether Atomics.wait may block this thread. Node's main thread may; an embedder can forbid it
 * (browsers do on their main thread; Electron's main process is not documented either way).
 * Where it throws, imports index in place, as before the writer existed.
 */
function threadCanBlock(): boolean {
  if (canBlock === undefined) {
    try {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0)
      canBlock = true
    } catch {
      canBlock = false
    }
  }
  return canBlock
}

/**
 * True after a background write failed (say, the disk filled up): the index misses that import,
 * so nothing more is written to it here (a delete replayed against missing entries would damage
 * it). The tokens stay different, and the next open rebuilds the index from the rows.
 */
export function isSearchIndexSuspended(db: DatabaseSync): boolean {
  return suspended.has(db)
}

/**
 * What to write: `docs` (ascending keys) added to the index, or removed from it (`remove`, the
 * text exactly as added); then, if given, the search file's token moved from `token.prev` to
 * `token.next` (only if it is `prev`).
 */
export interface SearchJob {
  docs: readonly SearchJobDoc[]
  remove?: boolean
  token?: SearchSyncToken
}

/** Posts `job`, in parts of at most SEARCH_JOB_DOCS docs (the token moves with the last). */
export function postSearchJob(db: DatabaseSync, job: SearchJob): void {
  const writer = writerOf(db)
  const { docs } = job
  for (let start = 0; start < docs.length || start === 0; start += SEARCH_JOB_DOCS) {
    const part = docs.slice(start, start + SEARCH_JOB_DOCS)
    const last = start + SEARCH_JOB_DOCS >= docs.length
    waitUntil(db, writer, writer.posted - MAX_QUEUED_JOBS + 1)
    if (suspended.has(db)) return
    writer.worker.postMessage({
      remove: job.remove === true,
      keys: part.map((doc) => doc.key),
      trigram: part.map((doc) => doc.trigram),
      short: part.map((doc) => doc.short),
      token: last ? (job.token ?? null) : null,
    })
    writer.posted++
  }
}

/** Waits until every posted job is written (or failed: then the index is suspended). */
export function drainSearchWrites(db: DatabaseSync): void {
  const writer = writers.get(db)
  if (writer) waitUntil(db, writer, writer.posted)
}

/** Drains and stops the writer thread, its connection closed (before the main one closes). */
export function closeSearchWriter(db: DatabaseSync): void {
  const writer = writers.get(db)
  if (!writer) return
  writers.delete(db)
  try {
    waitUntil(db, writer, writer.posted)
    if (Atomics.load(writer.control, 0) < writer.posted) return // stalled: it cannot close
    writer.worker.postMessage({ close: true })
    waitFor(writer.control, 1, 0)
  } finally {
    writer.errors.close()
    void writer.worker.terminate()
  }
}

function writerOf(db: DatabaseSync): Writer {
  const known = writers.get(db)
  if (known) return known
  const file = db.location(SEARCH_SCHEMA)
  if (file === null) throw new TypeError('The search index is in memory: write it in place.')
  const control = new Int32Array(new SharedArrayBuffer(8))
  const { port1, port2 } = new MessageChannel()
  const worker = new Worker(`(${String(searchWriterThread)})(require)`, {
    eval: true,
    workerData: { file, cacheSize: SEARCH_CACHE_SIZE, control: control.buffer, errors: port2 },
    transferList: [port2],
  })
  // The thread never keeps the process alive; an exit without close leaves the tokens apart.
  worker.unref()
  port1.unref()
  const writer = { worker, control, errors: port1, posted: 0 }
  writers.set(db, writer)
  return writer
}

/** Blocks until at least `jobs` jobs are done, then takes any failure they reported. */
function waitUntil(db: DatabaseSync, writer: Writer, jobs: number): void {
  while (Atomics.load(writer.control, 0) < jobs) {
    const done = Atomics.load(writer.control, 0)
    if (!waitFor(writer.control, 0, done)) {
      console.warn('search index: the background writer stopped answering; rebuilt at next start')
      suspended.add(db)
      break
    }
  }
  for (let failure = receiveMessageOnPort(writer.errors); failure;) {
    if (!suspended.has(db)) {
      const { message } = failure.message as { message: string }
      console.warn(
        `search index: a background write failed (${message}); the index takes no more writes ` +
          'until the next start rebuilds it from the history',
      )
    }
    suspended.add(db)
    failure = receiveMessageOnPort(writer.errors)
  }
}

/** Waits while control[index] is `value`; false when nothing changed within STALL_MS. */
function waitFor(control: Int32Array, index: number, value: number): boolean {
  return Atomics.wait(control, index, value, STALL_MS) !== 'timed-out'
}
