import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAesGcmEncryptor } from './aes-gcm-encryptor'
import type { Encryptor } from './encryptor'
import { wrapSafeStorage, type SafeStorageApi, type SafeStorageState } from './safe-storage-adapter'
import { openVault } from './vault'
import { VaultInsecureError } from './vault-errors'

// Stands in for Electron's safeStorage: one fixed key per "machine", like basic_text's password.
function fakeSafeStorage(key: Buffer): SafeStorageApi {
  const aes = createAesGcmEncryptor(key)
  return {
    encryptString: (plain) => aes.encrypt(plain),
    decryptString: (data) => aes.decrypt(data),
  }
}

const BASIC_TEXT: SafeStorageState = { platform: 'linux', available: true, backend: 'basic_text' }
const LIBSECRET: SafeStorageState = {
  platform: 'linux',
  available: true,
  backend: 'gnome_libsecret',
}

let dir: string
let machineKey: Buffer
const insecure = (): Encryptor => wrapSafeStorage(fakeSafeStorage(machineKey), BASIC_TEXT)
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-consent-'))
  machineKey = randomBytes(32)
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('an insecure encryptor (Linux basic_text)', () => {
  it('refuses to save a secret until the person agrees, then records the consent', async () => {
    const vault = await openVault({ dir, encryptor: insecure(), now: () => Date.UTC(2025, 4, 6) })
    expect(vault.status()).toMatchObject({
      kind: 'safe-storage',
      keySource: 'encryptor',
      secure: false,
      consentRequired: true,
      unlocked: true,
    })
    expect(vault.status().note).toMatch(/obfuscated/)
    const refused = await vault
      .setSecrets('c', { apiKey: 'sk-would-be-obfuscated' })
      .catch((e) => e)
    expect(refused).toBeInstanceOf(VaultInsecureError)
    expect(refused).toMatchObject({ kind: 'insecure' })
    expect(refused.message).toMatch(/not be stored securely.*obfuscated.*Agree/)
    expect(vault.connectionIds()).toEqual([])
    expect(readFileSync(vault.file, 'utf8')).not.toContain('sk-would-be-obfuscated')
    await vault.setSecrets('c', { apiKey: null })

    await vault.allowInsecure()
    expect(vault.status()).toMatchObject({
      consentRequired: false,
      insecureConsent: { at: '2025-05-06T00:00:00.000Z' },
    })
    await vault.setSecrets('c', { apiKey: 'sk-saved-after-consent' })
    await vault.close()

    const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'))
    expect(doc.insecureConsent).toMatchObject({ at: '2025-05-06T00:00:00.000Z' })
    expect(doc.insecureConsent.note).toMatch(/obfuscated/)
    const again = await openVault({ dir, encryptor: insecure() })
    expect(again.status().consentRequired).toBe(false)
    expect(await again.getSecrets('c')).toEqual({ apiKey: 'sk-saved-after-consent' })
    await again.close()
  })

  it('takes consent at open with allowInsecure: true', async () => {
    const vault = await openVault({ dir, encryptor: insecure(), allowInsecure: true })
    expect(vault.status()).toMatchObject({ secure: false, consentRequired: false })
    await vault.setSecrets('c', { apiKey: 'sk-ok' })
    await vault.close()
    expect(JSON.parse(readFileSync(vault.file, 'utf8')).insecureConsent).toBeDefined()
  })

  it('needs no consent from a secure keyring, and records none', async () => {
    const vault = await openVault({
      dir,
      encryptor: wrapSafeStorage(fakeSafeStorage(machineKey), LIBSECRET),
      allowInsecure: true,
    })
    expect(vault.status()).toMatchObject({ secure: true, consentRequired: false })
    await vault.allowInsecure()
    await vault.setSecrets('c', { apiKey: 'sk-secure' })
    await vault.close()
    expect(JSON.parse(readFileSync(vault.file, 'utf8')).insecureConsent).toBeUndefined()
  })

  it('gives a clear error when the OS offers no encryption at all', async () => {
    const unavailable = wrapSafeStorage(
      {
        encryptString: () => {
          throw new Error('Encryption is not available.')
        },
        decryptString: () => '',
      },
      { platform: 'linux', available: false, backend: 'unknown' },
    )
    await expect(openVault({ dir, encryptor: unavailable })).rejects.toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/cannot be encrypted here.*no encryption/),
    })
  })
})
