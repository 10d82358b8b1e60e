import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../errors/domain-errors'
import { openVault } from './vault'
import { VaultLockedError } from './vault-errors'

const PASS = 'correct horse battery staple'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-locked-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('a locked passphrase vault', () => {
  it('says whether it exists yet, so the UI can ask for a new passphrase', async () => {
    const vault = await openVault({ dir, passphrase: null })
    expect(vault.status()).toMatchObject({ created: false, unlocked: false, count: 0 })
    expect(readdirSync(dir)).toEqual([])
    await vault.unlock(PASS)
    expect(vault.status()).toMatchObject({ created: true, unlocked: true })
    await vault.lock()
    expect(vault.status()).toMatchObject({ created: true, unlocked: false })
    await vault.close()

    const again = await openVault({ dir, passphrase: null })
    expect(again.status()).toMatchObject({ created: true, unlocked: false })
    await again.close()
    const keyFile = await openVault({ dir: join(dir, 'k'), keyFile: join(dir, 'k.key') })
    expect(keyFile.status()).toMatchObject({ created: true, keySource: 'key-file' })
    await keyFile.close()
  })

  it('still answers {} for a connection with no stored secret (a keyless local server)', async () => {
    const first = await openVault({ dir, passphrase: PASS })
    await first.setSecrets('with-key', { apiKey: 'sk-a-stored-secret-value' })
    await first.close()

    const vault = await openVault({ dir, passphrase: null })
    expect(await vault.getSecrets('keyless')).toEqual({})
    await expect(vault.getSecrets('with-key')).rejects.toBeInstanceOf(VaultLockedError)
    await expect(vault.getSecrets('with-key')).rejects.toMatchObject({ reason: 'locked' })
    await expect(vault.getSecrets('')).rejects.toBeInstanceOf(InputError)
    await vault.close()
  })
})
