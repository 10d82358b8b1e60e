import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  acquireDataDirLock,
  DataDirInUseError,
  LOCK_FILE_NAME,
  LOCK_HOLDER_FILE_NAME,
  readLockHolder,
} from './data-dir-lock'

let base: string
const children: ChildProcess[] = []
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'parallax-lock-'))
})
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  rmSync(base, { recursive: true, force: true })
})

/** Another process that takes the folder and holds it until it is killed. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const jiti = resolve('node_modules/jiti/lib/jiti-cli.mjs')
  const child = spawn(
    process.execPath,
    [jiti, resolve('test/support/hold-data-dir-lock.ts'), dir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  children.push(child)
  for await (const line of createInterface({ input: child.stdout })) {
    if (line.startsWith('holding ')) return child
  }
  throw new Error('the child exited before it took the lock')
}

function refusal(dir: string): DataDirInUseError {
  try {
    acquireDataDirLock(dir, { kind: 'web' }).release()
  } catch (error) {
    if (error instanceof DataDirInUseError) return error
    throw error
  }
  throw new Error('the lock was not refused')
}

describe('acquireDataDirLock', () => {
  it('refuses a second taker in this process, naming the holder, until released', () => {
    const dir = join(base, 'data')
    const startedAt = new Date(2025, 5, 1, 12, 3)
    const lock = acquireDataDirLock(dir, { kind: 'web', now: () => startedAt })
    expect(lock.holder).toEqual({ kind: 'web', pid: process.pid, startedAt: startedAt.getTime() })
    expect(readLockHolder(dir)).toEqual(lock.holder)

    const error = refusal(dir)
    expect(error.holder).toEqual(lock.holder)
    expect(error.dir).toBe(dir)
    expect(error.message).toMatch(
      new RegExp(
        `^the data folder ${dir} is in use by the Parallax web host \\(pid ${process.pid}, started 2025-06-01 12:03\\)\\. Use that one, or start with --data-dir another folder\\.$`,
      ),
    )
    // Refusing did not disturb the holder: still refused, and the holder file still names it.
    expect(refusal(dir).holder).toEqual(lock.holder)

    lock.release()
    lock.release()
    const next = acquireDataDirLock(dir, { kind: 'desktop' })
    expect(readLockHolder(dir)).toMatchObject({ kind: 'desktop' })
    next.release()
  })

  it('creates the folder and its files for the owner only', () => {
    if (process.platform === 'win32') return
    const dir = join(base, 'fresh', 'data')
    const lock = acquireDataDirLock(dir, { kind: 'cli' })
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, LOCK_FILE_NAME)).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, LOCK_HOLDER_FILE_NAME)).mode & 0o777).toBe(0o600)
    lock.release()
  })

  it('still refuses when the holder file is missing or garbled, without naming anyone', () => {
    const dir = join(base, 'data')
    const lock = acquireDataDirLock(dir, { kind: 'web' })
    writeFileSync(join(dir, LOCK_HOLDER_FILE_NAME), '{ garbled')
    expect(refusal(dir)).toMatchObject({ holder: undefined })
    expect(refusal(dir).message).toContain('is in use by another copy of Parallax.')
    rmSync(join(dir, LOCK_HOLDER_FILE_NAME))
    expect(refusal(dir).holder).toBeUndefined()
    lock.release()
  })

  it('refuses while another process holds it, and is free once that process is killed -9', async () => {
    const dir = join(base, 'data')
    const child = await holdInChild(dir)
    const error = refusal(dir)
    expect(error.holder).toMatchObject({ kind: 'cli', pid: child.pid })
    expect(error.message).toContain(`a Parallax command (pid ${child.pid}, started `)

    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGKILL')
    await exited
    const lock = acquireDataDirLock(dir, { kind: 'web' })
    expect(readLockHolder(dir)).toMatchObject({ kind: 'web', pid: process.pid })
    lock.release()
  }, 30_000)
})
