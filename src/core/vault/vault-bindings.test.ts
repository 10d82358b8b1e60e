import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openVault } from './vault'
import { VaultDamagedError } from './vault-errors'

const PASS = 'correct horse battery staple'
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-bindings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const fileOf = () => join(dir, 'vault.json')
const readDoc = () => JSON.parse(readFileSync(fileOf(), 'utf8')) as Record<string, unknown>

describe('vault bindings (the domain a connection’s secrets were entered for)', () => {
  it('stores the domain sealed, survives a passphrase change, and goes with the secrets', async () => {
    const vault = await openVault({ dir, passphrase: PASS })
    await vault.setSecrets('a', { apiKey: 'sk-a' }, 'https://proxy.example.com')
    await vault.setSecrets('b', { apiKey: 'sk-b' }, 'official:openai')
    expect(await vault.boundDomain('a')).toBe('https://proxy.example.com')
    expect(readFileSync(fileOf(), 'utf8')).not.toContain('proxy.example.com')
    // A change without a domain keeps the binding.
    await vault.setSecrets('a', { sessionToken: 'tok' })
    expect(await vault.boundDomain('a')).toBe('https://proxy.example.com')

    await vault.changePassphrase(PASS, 'another long passphrase')
    expect(await vault.boundDomain('b')).toBe('official:openai')
    await vault.close()
    const again = await openVault({ dir, passphrase: 'another long passphrase' })
    expect(await again.boundDomain('a')).toBe('https://proxy.example.com')

    await again.setSecrets('a', { apiKey: null, sessionToken: null }, 'https://elsewhere.test')
    await again.deleteSecrets('b')
    expect(readDoc().bindings).toBeUndefined()
    expect(await again.boundDomain('a')).toBeUndefined()
    await again.close()
  })

  it('refuses a binding copied from another connection', async () => {
    const vault = await openVault({ dir, keyFile: join(dir, 'vault.key') })
    await vault.setSecrets('a', { apiKey: 'sk-a' }, 'https://evil.test')
    await vault.setSecrets('b', { apiKey: 'sk-b' }, 'official:openai')
    await vault.close()
    const doc = readDoc() as { bindings: Record<string, string> }
    doc.bindings.b = doc.bindings.a as string
    writeFileSync(fileOf(), JSON.stringify(doc))
    const again = await openVault({ dir, keyFile: join(dir, 'vault.key') })
    await expect(again.boundDomain('b')).rejects.toBeInstanceOf(VaultDamagedError)
    await again.close()
  })

  it('binds unbound secrets only when unlocked, to the domain core names', async () => {
    const vault = await openVault({ dir, passphrase: PASS })
    await vault.setSecrets('old', { apiKey: 'sk-old' })
    await vault.setSecrets('orphan', { apiKey: 'sk-orphan' })
    await vault.lock()
    const domainOf = (id: string) => (id === 'old' ? 'official:anthropic' : undefined)
    expect(await vault.bindUnbound(domainOf)).toBe(0)
    await vault.unlock(PASS)
    expect(await vault.bindUnbound(domainOf)).toBe(1)
    expect(await vault.boundDomain('old')).toBe('official:anthropic')
    expect(await vault.boundDomain('orphan')).toBeUndefined()
    // Already bound: nothing to do, nothing rewritten.
    const before = readFileSync(fileOf(), 'utf8')
    expect(await vault.bindUnbound((id) => (id === 'old' ? 'https://x.test' : undefined))).toBe(0)
    expect(readFileSync(fileOf(), 'utf8')).toBe(before)
    expect(await vault.getSecrets('old')).toEqual({ apiKey: 'sk-old' })
    await vault.close()
  })
})
