import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadOrCreateKeyFile } from './key-file'
import { VaultKeyFileError } from './vault-errors'

const posix = process.platform !== 'win32'
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-key-file-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the key file', () => {
  it('is created with 32 random bytes and mode 0600, then read back unchanged', async () => {
    const file = join(dir, 'nested', 'vault.key')
    const first = await loadOrCreateKeyFile(file)
    expect(first.created).toBe(true)
    expect(first.key.length).toBe(32)
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600)
    const second = await loadOrCreateKeyFile(file)
    expect(second.created).toBe(false)
    expect(second.key.equals(first.key)).toBe(true)
    expect(readFileSync(file).equals(first.key)).toBe(true)
  })

  it.runIf(posix)('is refused, untouched, when others may read it (0644)', async () => {
    const file = join(dir, 'vault.key')
    await loadOrCreateKeyFile(file)
    const before = readFileSync(file)
    chmodSync(file, 0o644)
    const error = await loadOrCreateKeyFile(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VaultKeyFileError)
    expect(error).toMatchObject({ problem: 'permissions', kind: 'key-file' })
    expect((error as Error).message).toMatch(/permissions 0644.*chmod 600/)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(statSync(file).mode & 0o777).toBe(0o644)
    chmodSync(file, 0o640)
    await expect(loadOrCreateKeyFile(file)).rejects.toThrow(/permissions 0640/)
  })

  it('is refused when it has the wrong size, or is not a file', async () => {
    const short = join(dir, 'short.key')
    writeFileSync(short, Buffer.alloc(16), { mode: 0o600 })
    await expect(loadOrCreateKeyFile(short)).rejects.toMatchObject({ problem: 'size' })
    await expect(loadOrCreateKeyFile(short)).rejects.toThrow(/16 bytes.*exactly 32/)
    expect(readFileSync(short).length).toBe(16)
    const folder = join(dir, 'folder.key')
    mkdirSync(folder)
    await expect(loadOrCreateKeyFile(folder)).rejects.toMatchObject({ problem: 'not-a-file' })
  })

  it('is not created when the caller needs an existing one', async () => {
    const file = join(dir, 'gone.key')
    await expect(loadOrCreateKeyFile(file, { create: false })).rejects.toMatchObject({
      problem: 'missing',
    })
    expect(() => statSync(file)).toThrow()
  })
})
