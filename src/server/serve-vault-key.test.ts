import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore } from '../core/index'
import { CliUsageError } from './parse-cli-args'
import {
  explainVaultStartError,
  PASSPHRASE_ENV,
  serveVaultKey,
  vaultStartLines,
} from './serve-vault-key'

const PASS = 'correct horse battery staple'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-serve-vault-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const flags = (passphrase: boolean, connectionsFile?: string) => ({ passphrase, connectionsFile })

/** Starts the core the way `parallax serve` does; resolves to the CLI's message on failure. */
async function start(passphrase: boolean, env: Record<string, string> = {}, saveKey = false) {
  const vaultKey = serveVaultKey(flags(passphrase), env, dir)
  try {
    const core = await openCore({
      version: '0',
      host: 'web',
      dataDir: dir,
      emit: () => {},
      vaultKey,
    })
    const status = core.vault.status()
    const lines = vaultStartLines(core.vault.notices)
    if (saveKey) await core.vault.setSecrets('conn', { apiKey: 'sk-saved-at-start-0000' })
    await core.close()
    return { ok: true as const, status, lines }
  } catch (error) {
    const message = explainVaultStartError(error, {
      passphrase,
      fromEnv: PASSPHRASE_ENV in env,
      vaultFile: join(dir, 'vault.json'),
    })
    if (message === null) throw error
    return { ok: false as const, message }
  }
}

describe('serveVaultKey', () => {
  it('uses the key file without --passphrase', () => {
    expect(serveVaultKey(flags(false), {}, dir)).toEqual({ keyFile: join(dir, 'vault.key') })
  })

  it('takes the passphrase from the environment, or opens the vault locked', () => {
    expect(serveVaultKey(flags(true), { [PASSPHRASE_ENV]: PASS }, dir)).toEqual({
      passphrase: PASS,
    })
    expect(serveVaultKey(flags(true), {}, dir)).toEqual({ passphrase: null })
    expect(serveVaultKey(flags(true), { [PASSPHRASE_ENV]: '' }, dir)).toEqual({ passphrase: null })
  })

  it('refuses a passphrase in the environment without --passphrase, rather than ignore it', () => {
    expect(() => serveVaultKey(flags(false), { [PASSPHRASE_ENV]: PASS }, dir)).toThrow(
      CliUsageError,
    )
    expect(() => serveVaultKey(flags(false), { [PASSPHRASE_ENV]: PASS }, dir)).toThrow(
      /PARALLAX_VAULT_PASSPHRASE is set but --passphrase is not/,
    )
  })

  it('refuses --connections on a vault that would start locked', () => {
    expect(() => serveVaultKey(flags(true, 'demo.json'), {}, dir)).toThrow(
      /--connections .* PARALLAX_VAULT_PASSPHRASE/,
    )
    expect(serveVaultKey(flags(true, 'demo.json'), { [PASSPHRASE_ENV]: PASS }, dir)).toEqual({
      passphrase: PASS,
    })
  })
})

describe('starting the web host on an existing data folder', () => {
  it('opens a passphrase vault unlocked from the environment, and locked without it', async () => {
    expect(await start(true, { [PASSPHRASE_ENV]: PASS })).toMatchObject({
      ok: true,
      status: { keySource: 'passphrase', unlocked: true },
    })
    expect(await start(true)).toMatchObject({
      ok: true,
      status: { keySource: 'passphrase', unlocked: false, created: true },
    })
    expect(existsSync(join(dir, 'vault.key'))).toBe(false)
  })

  it('explains a wrong passphrase in the environment without repeating it, changing nothing', async () => {
    await start(true, { [PASSPHRASE_ENV]: PASS })
    const before = readFileSync(join(dir, 'vault.json'))
    const wrong = 'wrong passphrase value'
    const result = await start(true, { [PASSPHRASE_ENV]: wrong })
    expect(result.ok).toBe(false)
    const message = result.ok ? '' : result.message
    expect(message).toMatch(
      /^PARALLAX_VAULT_PASSPHRASE is not the passphrase of the key vault .*vault\.json\. /,
    )
    expect(message).toContain('Nothing was changed')
    expect(message).not.toContain(wrong)
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true)
  })

  it('asks for 8+ characters when the environment passphrase would create a new vault', async () => {
    const result = await start(true, { [PASSPHRASE_ENV]: 'short' })
    expect(result).toEqual({
      ok: false,
      message:
        'PARALLAX_VAULT_PASSPHRASE is too short for a new key vault: choose a passphrase of at least 8 characters.',
    })
    expect(existsSync(join(dir, 'vault.json'))).toBe(false)
  })

  it('refuses --passphrase on a key-file vault, naming what to do, and changes nothing', async () => {
    await start(false)
    const vault = readFileSync(join(dir, 'vault.json'))
    const key = readFileSync(join(dir, 'vault.key'))
    const envs: Record<string, string>[] = [{}, { [PASSPHRASE_ENV]: PASS }]
    for (const env of envs) {
      const result = await start(true, env)
      expect(result.ok).toBe(false)
      const message = result.ok ? '' : result.message
      expect(message).toContain('is protected by a key file')
      expect(message).toContain('Start without --passphrase to keep using it')
      expect(message).toContain('move vault.json and vault.key out of')
    }
    expect(readFileSync(join(dir, 'vault.json')).equals(vault)).toBe(true)
    expect(readFileSync(join(dir, 'vault.key')).equals(key)).toBe(true)
  })

  it('refuses a passphrase vault without --passphrase, and writes no key file', async () => {
    await start(true, { [PASSPHRASE_ENV]: PASS })
    const vault = readFileSync(join(dir, 'vault.json'))
    const result = await start(false)
    expect(result.ok).toBe(false)
    const message = result.ok ? '' : result.message
    expect(message).toContain('is protected by a passphrase')
    expect(message).toContain('Start with --passphrase')
    expect(readFileSync(join(dir, 'vault.json')).equals(vault)).toBe(true)
    expect(existsSync(join(dir, 'vault.key'))).toBe(false)
  })

  it('starts when vault.key was replaced or removed, keeping the old vault and saying so', async () => {
    await start(false, {}, true)
    const original = readFileSync(join(dir, 'vault.json'))
    rmSync(join(dir, 'vault.key'))
    writeFileSync(join(dir, 'vault.key'), randomBytes(32), { mode: 0o600 })
    const replaced = await start(false, {}, true)
    expect(replaced).toMatchObject({
      ok: true,
      status: { unlocked: true, reentry: { count: 1, reason: 'key_file_replaced' } },
    })
    const lines = replaced.ok ? replaced.lines : []
    expect(lines).toEqual([
      expect.stringMatching(/^parallax: The saved keys in .* cannot be decrypted/),
    ])
    expect(lines[0]).toContain('enter the keys of 1 connection again')

    rmSync(join(dir, 'vault.key'))
    expect(await start(false)).toMatchObject({
      ok: true,
      status: { reentry: { count: 1, reason: 'key_file_missing' } },
    })
    const kept = readdirSync(dir).filter((name) => name.startsWith('vault.json.unreadable-'))
    expect(kept).toHaveLength(2)
    expect(kept.some((name) => readFileSync(join(dir, name)).equals(original))).toBe(true)
  })

  it('leaves other start-up failures to the caller', () => {
    const context = { passphrase: true, fromEnv: true, vaultFile: 'v' }
    expect(explainVaultStartError(new Error('disk'), context)).toBe(null)
  })
})
