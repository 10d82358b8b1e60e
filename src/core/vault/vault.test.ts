import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../errors/domain-errors'
import { openVault } from './vault'
import { VaultClosedError, VaultDamagedError, VaultLockedError } from './vault-errors'

let dir: string
const keyFile = () => join(dir, 'vault.key')
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the vault (key file)', () => {
  it('round-trips secrets per connection and field, across a reopen', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    await vault.setSecrets('conn-a', { apiKey: 'sk-proj-AAAA1111', sessionToken: 'tok-a' })
    await vault.setSecrets('conn-b', { secretAccessKey: 'bedrock/secret/BBBB' })
    expect(await vault.getSecrets('conn-a')).toEqual({
      apiKey: 'sk-proj-AAAA1111',
      sessionToken: 'tok-a',
    })
    await vault.close()

    const again = await openVault({ dir, keyFile: keyFile() })
    expect(await again.getSecrets('conn-a')).toEqual({
      apiKey: 'sk-proj-AAAA1111',
      sessionToken: 'tok-a',
    })
    expect(await again.getSecrets('conn-b')).toEqual({ secretAccessKey: 'bedrock/secret/BBBB' })
    expect(await again.getSecrets('unknown')).toEqual({})
    expect(again.connectionIds().sort()).toEqual(['conn-a', 'conn-b'])
    expect(again.status()).toMatchObject({
      kind: 'aes-gcm',
      keySource: 'key-file',
      secure: true,
      unlocked: true,
      count: 2,
      consentRequired: false,
    })
    await again.close()
  })

  it('merges fields, removes a field given null or empty, and deletes a connection', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    await vault.setSecrets('c', { apiKey: 'one-one-one-one', sessionToken: 'two' })
    await vault.setSecrets('c', { sessionToken: null, accessKeyId: 'three' })
    expect(await vault.getSecrets('c')).toEqual({ apiKey: 'one-one-one-one', accessKeyId: 'three' })
    await vault.setSecrets('c', { accessKeyId: '' })
    expect(await vault.getSecrets('c')).toEqual({ apiKey: 'one-one-one-one' })
    expect(await vault.deleteSecrets('c')).toBe(true)
    expect(await vault.deleteSecrets('c')).toBe(false)
    expect(await vault.getSecrets('c')).toEqual({})
    await vault.setSecrets('d', { apiKey: 'x' })
    await vault.setSecrets('d', { apiKey: null })
    expect(vault.connectionIds()).toEqual([])
    expect(JSON.parse(readFileSync(vault.file, 'utf8')).secrets).toEqual({})
    await vault.close()
  })

  it('gives hints with the last 4 characters only, never the value', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    const long = 'sk-ant-api03-abcdefghijklmnopQRST'
    await vault.setSecrets('c', { apiKey: long, sessionToken: 'short-token' })
    const hints = await vault.hints('c', ['apiKey', 'sessionToken', 'secretAccessKey'])
    expect(hints).toEqual({
      apiKey: { set: true, last4: 'QRST' },
      sessionToken: { set: true, last4: '' },
      secretAccessKey: { set: false, last4: '' },
    })
    const text = JSON.stringify(hints)
    for (let i = 0; i + 5 <= long.length; i++) expect(text).not.toContain(long.slice(i, i + 5))
    expect(text).not.toContain('short-token')
    expect(await vault.hints('nobody')).toEqual({})
    await vault.close()
  })

  it('loses no update when many setSecrets calls race (writes are serialized)', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    const calls = Array.from({ length: 40 }, (_, i) =>
      vault.setSecrets(`conn-${i % 8}`, { [`field${i}`]: `value-${i}-0123456789` }),
    )
    await Promise.all(calls)
    await vault.close()
    const again = await openVault({ dir, keyFile: keyFile() })
    expect(again.status().count).toBe(8)
    for (let c = 0; c < 8; c++) {
      const secrets = await again.getSecrets(`conn-${c}`)
      expect(Object.keys(secrets).length).toBe(5)
      for (const [field, value] of Object.entries(secrets)) {
        expect(value).toBe(`value-${field.slice(5)}-0123456789`)
      }
    }
    await again.close()
  })

  it('keeps a failed call from blocking the calls queued after it', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    const bad = vault.setSecrets('c', { 'not a field': 'x' })
    const good = vault.setSecrets('c', { apiKey: 'fine' })
    await expect(bad).rejects.toThrow(/not a valid field name/)
    await good
    expect(await vault.getSecrets('c')).toEqual({ apiKey: 'fine' })
    await vault.close()
  })

  it('refuses bad ids, field names and values', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    await expect(vault.setSecrets('', { apiKey: 'x' })).rejects.toThrow(InputError)
    await expect(vault.setSecrets('__proto__', { apiKey: 'x' })).rejects.toThrow(InputError)
    await expect(vault.setSecrets('c', { __proto__x: 'x' })).rejects.toThrow(InputError)
    await expect(vault.setSecrets('c', { apiKey: 5 as unknown as string })).rejects.toThrow(/text/)
    await expect(vault.setSecrets('c', { apiKey: 'x'.repeat(70_000) })).rejects.toThrow(/longer/)
    expect(vault.connectionIds()).toEqual([])
    await vault.close()
  })

  it('refuses every call after close, and close can be called twice', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    const pending = vault.setSecrets('c', { apiKey: 'written-before-close' })
    await Promise.all([vault.close(), vault.close()])
    await pending
    await expect(vault.getSecrets('c')).rejects.toBeInstanceOf(VaultClosedError)
    await expect(vault.setSecrets('c', { apiKey: 'x' })).rejects.toThrow(/closed/)
    expect(vault.status().unlocked).toBe(false)
    const again = await openVault({ dir, keyFile: keyFile() })
    expect(await again.getSecrets('c')).toEqual({ apiKey: 'written-before-close' })
    await again.close()
  })

  it('writes vault.json with mode 0600 in a data folder it creates', async () => {
    const nested = join(dir, 'data', 'Parallax')
    const vault = await openVault({ dir: nested, keyFile: keyFile() })
    expect(vault.file).toBe(join(nested, 'vault.json'))
    if (process.platform !== 'win32') {
      expect(statSync(vault.file).mode & 0o777).toBe(0o600)
      expect(statSync(nested).mode & 0o777).toBe(0o700)
    }
    const doc = JSON.parse(readFileSync(vault.file, 'utf8'))
    expect(doc).toMatchObject({
      format: 'parallax-vault',
      version: 1,
      encryptor: 'aes-gcm',
      keySource: 'key-file',
      secrets: {},
    })
    expect(typeof doc.keyCheck).toBe('string')
    await vault.close()
  })

  it('refuses opening with another key scheme, changing nothing', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    await vault.setSecrets('c', { apiKey: 'sk-key-file-secret' })
    await vault.close()
    const before = readFileSync(join(dir, 'vault.json'))
    const mismatch = await openVault({ dir, passphrase: 'a passphrase' }).catch((e) => e)
    expect(mismatch).toBeInstanceOf(VaultLockedError)
    expect(mismatch).toMatchObject({ reason: 'mismatch', kind: 'locked' })
    await expect(openVault({ dir, passphrase: 'a passphrase' })).rejects.toThrow(
      /protected by a key file; it cannot be opened with a passphrase/,
    )
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true)
  })

  it('detects a value moved to another connection or field', async () => {
    const vault = await openVault({ dir, keyFile: keyFile() })
    await vault.setSecrets('a', { apiKey: 'secret-of-connection-a' })
    await vault.setSecrets('b', { apiKey: 'secret-of-connection-b' })
    await vault.close()
    const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'))
    doc.secrets.b.apiKey = doc.secrets.a.apiKey
    doc.secrets.b.sessionToken = doc.secrets.a.apiKey
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(doc))
    const again = await openVault({ dir, keyFile: keyFile() })
    await expect(again.getSecrets('b')).rejects.toBeInstanceOf(VaultDamagedError)
    expect(await again.hints('b')).toEqual({
      apiKey: { set: true, last4: '', damaged: true },
      sessionToken: { set: true, last4: '', damaged: true },
    })
    expect(await again.getSecrets('a')).toEqual({ apiKey: 'secret-of-connection-a' })
    await again.close()
  })
})
