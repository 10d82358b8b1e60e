import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAesGcmEncryptor } from './aes-gcm-encryptor'
import type { Encryptor } from './encryptor'
import { wrapSafeStorage, type SafeStorageApi } from './safe-storage-adapter'
import { openVault } from './vault'
import type { VaultNotice } from './vault-file'

const KEY_A = 'sk-proj-first-connection-key-AAAA'
const SECRET_B = 'bedrock/secret/access/key/BBBB'
const TOKEN_B = 'session-token-value-BBBB-0000'
const NEW_KEY = 'sk-proj-entered-again-key-NEW1'

let dir: string
const keyFile = () => join(dir, 'vault.key')
const vaultFile = () => join(dir, 'vault.json')
const kept = () => readdirSync(dir).filter((name) => name.includes('.unreadable-'))
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-reentry-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function saveTwoConnections(options: Parameters<typeof openVault>[0]): Promise<void> {
  const vault = await openVault(options)
  await vault.setSecrets('conn-a', { apiKey: KEY_A })
  await vault.setSecrets('conn-b', { secretAccessKey: SECRET_B, sessionToken: TOKEN_B })
  await vault.close()
}

function replaceKeyFile(): void {
  rmSync(keyFile())
  writeFileSync(keyFile(), randomBytes(32), { mode: 0o600 })
}

// Stands in for Electron's safeStorage on a machine whose keychain key is `machineKey`.
function keychain(machineKey: Buffer): Encryptor {
  const aes = createAesGcmEncryptor(machineKey)
  const api: SafeStorageApi = {
    encryptString: (plain) => aes.encrypt(plain),
    decryptString: (data) => aes.decrypt(data),
  }
  return wrapSafeStorage(api, { platform: 'linux', available: true, backend: 'gnome_libsecret' })
}

describe('a vault the key cannot decrypt', () => {
  it('opens when the key file was replaced: the old vault is kept as it was, keys are marked', async () => {
    await saveTwoConnections({ dir, keyFile: keyFile() })
    const before = readFileSync(vaultFile())
    replaceKeyFile()
    const newKey = readFileSync(keyFile())
    const heard: VaultNotice[] = []
    const at = Date.UTC(2025, 5, 1, 12, 0, 0)

    const vault = await openVault({
      dir,
      keyFile: keyFile(),
      now: () => at,
      onNotice: (n) => heard.push(n),
    })
    const keptAt = join(dir, 'vault.json.unreadable-20250601T120000000Z')
    expect(kept()).toEqual(['vault.json.unreadable-20250601T120000000Z'])
    expect(readFileSync(keptAt).equals(before)).toBe(true)
    expect(readFileSync(keyFile()).equals(newKey)).toBe(true)
    expect(vault.notices).toEqual(heard)
    expect(heard).toEqual([
      {
        kind: 'vault-unreadable',
        reason: 'key_file_replaced',
        movedTo: keptAt,
        count: 2,
        message: expect.stringMatching(/cannot be decrypted: the key file does not match it/),
      },
    ])
    expect(heard[0]?.message).toContain(keptAt)
    expect(vault.status()).toMatchObject({
      unlocked: true,
      count: 0,
      reentry: { count: 2, reason: 'key_file_replaced', keptAt, at: '2025-06-01T12:00:00.000Z' },
    })
    expect(await vault.hints('conn-a', ['apiKey'])).toEqual({
      apiKey: { set: false, last4: '', reenter: true },
    })
    expect(await vault.hints('conn-b')).toEqual({
      secretAccessKey: { set: false, last4: '', reenter: true },
      sessionToken: { set: false, last4: '', reenter: true },
    })
    expect(await vault.hints('conn-c', ['apiKey'])).toEqual({ apiKey: { set: false, last4: '' } })
    expect(await vault.getSecrets('conn-a')).toEqual({})
    expect(vault.reentryFields('conn-b')).toEqual(['secretAccessKey', 'sessionToken'])

    await vault.setSecrets('conn-a', { apiKey: NEW_KEY })
    expect(await vault.getSecrets('conn-a')).toEqual({ apiKey: NEW_KEY })
    expect(await vault.hints('conn-a')).toEqual({ apiKey: { set: true, last4: 'NEW1' } })
    expect(vault.reentryFields('conn-a')).toEqual([])
    expect(vault.status().reentry?.count).toBe(1)
    await vault.close()
    expect(readFileSync(keptAt).equals(before)).toBe(true)

    // The marks are in the new vault file: a restart still knows what to ask for.
    const again = await openVault({ dir, keyFile: keyFile() })
    expect(again.notices).toEqual([])
    expect(kept()).toHaveLength(1)
    expect(await again.getSecrets('conn-a')).toEqual({ apiKey: NEW_KEY })
    expect(again.status().reentry).toMatchObject({ count: 1, reason: 'key_file_replaced' })
    expect(again.reentryFields('conn-b')).toEqual(['secretAccessKey', 'sessionToken'])
    // Entering one field and removing the other on purpose ends the re-entry.
    await again.setSecrets('conn-b', { secretAccessKey: SECRET_B, sessionToken: null })
    expect(again.status().reentry).toBeUndefined()
    await again.close()
    expect(JSON.parse(readFileSync(vaultFile(), 'utf8'))).not.toHaveProperty('reentry')
    expect(readFileSync(keptAt).equals(before)).toBe(true)
  })

  it('makes a new key file when it is missing, and says so', async () => {
    await saveTwoConnections({ dir, keyFile: keyFile() })
    const before = readFileSync(vaultFile())
    rmSync(keyFile())

    const vault = await openVault({ dir, keyFile: keyFile() })
    expect(readFileSync(keyFile())).toHaveLength(32)
    if (process.platform !== 'win32') expect(statSync(keyFile()).mode & 0o777).toBe(0o600)
    expect(vault.notices).toMatchObject([{ kind: 'vault-unreadable', reason: 'key_file_missing' }])
    expect(vault.notices[0]?.message).toMatch(/its key file is missing/)
    expect(readFileSync(join(dir, kept()[0] ?? '')).equals(before)).toBe(true)
    expect(vault.status().reentry).toMatchObject({ count: 2, reason: 'key_file_missing' })

    // Deleting a connection drops its marks even though nothing of it is stored yet.
    expect(await vault.deleteSecrets('conn-b')).toBe(false)
    expect(vault.reentryFields('conn-b')).toEqual([])
    expect(vault.status().reentry?.count).toBe(1)
    await vault.close()
  })

  it('opens when the OS keychain changed (another machine, or a reset keyring)', async () => {
    await saveTwoConnections({ dir, encryptor: keychain(randomBytes(32)) })
    const before = readFileSync(vaultFile())
    const machineKey = randomBytes(32)

    const vault = await openVault({ dir, encryptor: keychain(machineKey) })
    expect(vault.notices).toMatchObject([{ kind: 'vault-unreadable', reason: 'keychain_changed' }])
    expect(vault.notices[0]?.message).toMatch(/the OS keychain's key has changed/)
    expect(readFileSync(join(dir, kept()[0] ?? '')).equals(before)).toBe(true)
    expect(await vault.hints('conn-a')).toEqual({
      apiKey: { set: false, last4: '', reenter: true },
    })
    await vault.setSecrets('conn-a', { apiKey: NEW_KEY })
    await vault.close()

    const again = await openVault({ dir, encryptor: keychain(machineKey) })
    expect(again.notices).toEqual([])
    expect(await again.getSecrets('conn-a')).toEqual({ apiKey: NEW_KEY })
    expect(again.status().reentry).toMatchObject({ count: 1, reason: 'keychain_changed' })
    await again.close()
  })

  it('keeps every mark, and both files, when it happens twice before all keys were entered', async () => {
    await saveTwoConnections({ dir, keyFile: keyFile() })
    replaceKeyFile()
    const second = await openVault({ dir, keyFile: keyFile(), now: () => Date.UTC(2025, 0, 1) })
    await second.setSecrets('conn-c', { apiKey: NEW_KEY })
    await second.close()
    replaceKeyFile()

    const third = await openVault({ dir, keyFile: keyFile(), now: () => Date.UTC(2025, 0, 2) })
    expect(kept().sort()).toEqual([
      'vault.json.unreadable-20250101T000000000Z',
      'vault.json.unreadable-20250102T000000000Z',
    ])
    expect(third.status().reentry).toMatchObject({
      count: 3,
      keptAt: join(dir, 'vault.json.unreadable-20250102T000000000Z'),
    })
    expect(third.reentryFields('conn-a')).toEqual(['apiKey'])
    expect(third.reentryFields('conn-c')).toEqual(['apiKey'])
    await third.close()
  })

  it('moves an empty vault aside without marks or notice', async () => {
    await (await openVault({ dir, keyFile: keyFile() })).close()
    replaceKeyFile()
    const vault = await openVault({ dir, keyFile: keyFile() })
    expect(vault.notices).toEqual([])
    expect(vault.status().reentry).toBeUndefined()
    expect(kept()).toHaveLength(1)
    await vault.close()
  })

  it('leaves the vault in place when the OS cannot encrypt at all', async () => {
    await saveTwoConnections({ dir, encryptor: keychain(randomBytes(32)) })
    const before = readFileSync(vaultFile())
    const broken = wrapSafeStorage(
      {
        encryptString: () => {
          throw new Error('Encryption is not available.')
        },
        decryptString: () => {
          throw new Error('Decryption is not available.')
        },
      },
      { platform: 'linux', available: false, backend: 'unknown' },
    )
    await expect(openVault({ dir, encryptor: broken })).rejects.toMatchObject({
      kind: 'unavailable',
    })
    expect(readFileSync(vaultFile()).equals(before)).toBe(true)
    expect(kept()).toEqual([])
    expect(existsSync(keyFile())).toBe(false)
  })
})
