import type * as Sqlite from 'node:sqlite'
import type * as WorkerThreads from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'

/**
 * The search index writer's thread. This function is the whole program of the worker: it is
 * turned into source text (`String(searchWriterThread)`) and run with `eval`, so it must use
 * nothing from outside its own body — only `require` and what it loads — and no syntax that
 * compiles to helpers. search-writer.ts starts it and documents the protocol.
 */
export function searchWriterThread(require: NodeJS.Require): void {
  const { workerData, parentPort } = require('node:worker_threads') as typeof WorkerThreads
  const { DatabaseSync } = require('node:sqlite') as typeof Sqlite
  const data = workerData as {
    file: string
    cacheSize: number
    control: SharedArrayBuffer
    errors: MessagePort
  }
  // control[0]: jobs done (failed ones too); control[1]: 1 once the connection is closed.
  const control = new Int32Array(data.control)

  interface Job {
    close?: true
    remove: boolean
    keys: number[]
    trigram: string[]
    short: string[]
    token: { prev: string; next: string } | null
  }

  const report = (error: unknown) => {
    const { message, errcode, errstr, code } = (error ?? {}) as {
      message?: string
      errcode?: number
      errstr?: string
      code?: string
    }
    data.errors.postMessage({ message: String(message ?? error), errcode, errstr, code })
  }
  const finish = (index: number, add: number) => {
    if (add) Atomics.add(control, index, add)
    else Atomics.store(control, index, 1)
    Atomics.notify(control, index)
  }

  // Set-up failures are reported by every job (the main thread stops using the index).
  let db: Sqlite.DatabaseSync | null = null
  let write: ((job: Job) => void) | null = null
  let setupError: unknown = null
  try {
    const opened = new DatabaseSync(data.file, { timeout: 5000 })
    db = opened
    opened.exec('PRAGMA synchronous = NORMAL')
    opened.exec(`PRAGMA cache_size = ${data.cacheSize}`)
    const statements = (table: string) => ({
      add: opened.prepare(`INSERT INTO ${table} (rowid, body) VALUES (?, ?)`),
      remove: opened.prepare(
        `INSERT INTO ${table} (${table}, rowid, body) VALUES ('delete', ?, ?)`,
      ),
    })
    const trigramIndex = statements('search_trigram')
    const shortIndex = statements('search_short')
    const sync = opened.prepare('UPDATE search_sync SET token = ?1 WHERE token IS ?2')
    write = (job) => {
      const trigram = job.remove ? trigramIndex.remove : trigramIndex.add
      const short = job.remove ? shortIndex.remove : shortIndex.add
      opened.exec('BEGIN IMMEDIATE')
      for (let i = 0; i < job.keys.length; i++)
        trigram.run(job.keys[i] as number, job.trigram[i] as string)
      for (let i = 0; i < job.keys.length; i++) {
        const text = job.short[i] as string
        if (text !== '') short.run(job.keys[i] as number, text)
      }
      if (job.token) sync.run(job.token.next, job.token.prev)
      opened.exec('COMMIT')
    }
  } catch (error) {
    setupError = error
  }

  parentPort?.on('message', (job: Job) => {
    if (job.close) {
      if (db?.isOpen) db.close()
      parentPort.close()
      finish(1, 0)
      return
    }
    try {
      if (write === null) throw setupError
      write(job)
    } catch (error) {
      if (db?.isTransaction) db.exec('ROLLBACK')
      report(error)
    }
    finish(0, 1)
  })
}
