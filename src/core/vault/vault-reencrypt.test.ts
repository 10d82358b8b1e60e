import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAesGcmEncryptor } from './aes-gcm-encryptor'
import { wrapSafeStorage, type SafeStorageApi } from './safe-storage-adapter'
import { openVault } from './vault'

const MAC = { platform: 'darwin' as const, available: true }

/**
 * Electron's async safeStorage after a key rotation: encrypts with the newest key, still
 * decrypts with the older ones and then says `shouldReEncrypt: true`.
 */
function safeStorageWith(keys: Buffer[]): SafeStorageApi & { reads: boolean[] } {
  const all = keys.map((key) => createAesGcmEncryptor(key))
  const current = all[0] as (typeof all)[number]
  const reads: boolean[] = []
  const fail = (): never => {
    throw new Error('sync API not expected')
  }
  return {
    reads,
    encryptString: fail,
    decryptString: fail,
    encryptStringAsync: async (plain) => current.encrypt(plain),
    decryptStringAsync: async (data) => {
      for (const [index, aes] of all.entries()) {
        try {
          const result = aes.decrypt(data)
          reads.push(index > 0)
          return { result, shouldReEncrypt: index > 0 }
        } catch {
          // try the next key
        }
      }
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
      )
    },
  }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-rotate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('a rotated safeStorage key (shouldReEncrypt)', () => {
  it('re-seals the vault with the current key, so it opens once the old key is gone', async () => {
    const oldKey = randomBytes(32)
    const newKey = randomBytes(32)
    const before = await openVault({
      dir,
      encryptor: wrapSafeStorage(safeStorageWith([oldKey]), MAC),
    })
    await before.setSecrets('conn-a', { apiKey: 'sk-proj-OLD-KEY-1111' }, 'api.openai.com')
    await before.setSecrets('conn-b', { secretAccessKey: 'aws/secret/2222' })
    await before.close()
    const sealedBefore = readFileSync(before.file, 'utf8')

    const rotated = safeStorageWith([newKey, oldKey])
    const vault = await openVault({ dir, encryptor: wrapSafeStorage(rotated, MAC) })
    expect(await vault.getSecrets('conn-a')).toEqual({ apiKey: 'sk-proj-OLD-KEY-1111' })
    expect(await vault.getSecrets('conn-b')).toEqual({ secretAccessKey: 'aws/secret/2222' })
    expect(await vault.boundDomain('conn-a')).toBe('api.openai.com')
    await vault.close()
    expect(readFileSync(vault.file, 'utf8')).not.toBe(sealedBefore)

    // Only the new key left: every value, the binding and the key check open without a notice.
    const onlyNew = safeStorageWith([newKey])
    const after = await openVault({ dir, encryptor: wrapSafeStorage(onlyNew, MAC) })
    expect(after.notices).toEqual([])
    expect(after.status().reentry).toBeUndefined()
    expect(await after.getSecrets('conn-a')).toEqual({ apiKey: 'sk-proj-OLD-KEY-1111' })
    expect(await after.getSecrets('conn-b')).toEqual({ secretAccessKey: 'aws/secret/2222' })
    expect(await after.boundDomain('conn-a')).toBe('api.openai.com')
    await after.close()
  })

  it('writes nothing when no read asks for it', async () => {
    const key = randomBytes(32)
    const first = await openVault({ dir, encryptor: wrapSafeStorage(safeStorageWith([key]), MAC) })
    await first.setSecrets('conn-a', { apiKey: 'sk-proj-SAME-KEY-3333' })
    await first.close()
    const sealed = readFileSync(first.file, 'utf8')
    const again = await openVault({ dir, encryptor: wrapSafeStorage(safeStorageWith([key]), MAC) })
    expect(await again.getSecrets('conn-a')).toEqual({ apiKey: 'sk-proj-SAME-KEY-3333' })
    await again.close()
    expect(readFileSync(again.file, 'utf8')).toBe(sealed)
  })
})
