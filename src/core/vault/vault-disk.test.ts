import { createHash } from 'node:crypto'
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection } from '@parallax/llm'
import { openHistoryStore } from '../history'
import { splitConnection } from './connection-secrets'
import { openVault } from './vault'
import { VaultKeyFileError, VaultLockedError, VaultVersionError } from './vault-errors'

const posix = process.platform !== 'win32'
const PASS = 'correct horse battery staple'
const SECRETS = [
  'sk-proj-PLAINTEXT0pena1Key0000000000000000000Zz',
  'AKIA-not-secret-but/SECRETaccessKEY+wJalrXUtnFEMI',
  '{"type":"service_account","private_key":"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq\\n"}',
  '비밀키-한국어-秘密鍵-🔑-secret-value',
]

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-vault-disk-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Every form a secret could take in a file: text, JSON-escaped, base64 (any alignment), hex, UTF-16. */
function forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const out = [secret, JSON.stringify(secret).slice(1, -1), bytes.toString('hex')]
  out.push(bytes.toString('hex').toUpperCase(), Buffer.from(secret, 'utf16le').toString('latin1'))
  for (let shift = 0; shift < 3; shift++) {
    const part = bytes.subarray(shift)
    const whole = Math.floor(part.length / 3) * 4
    out.push(part.toString('base64').slice(0, whole), part.toString('base64url').slice(0, whole))
  }
  return out
}

function expectNoSecretIn(file: string, secrets: readonly string[]): void {
  const text = readFileSync(file).toString('latin1')
  const utf8 = readFileSync(file).toString('utf8')
  for (const secret of secrets) {
    for (const form of forms(secret)) {
      const needle = Buffer.from(form, 'utf8').toString('latin1')
      expect(text.includes(needle) || utf8.includes(form), `${secret} in ${file}`).toBe(false)
    }
  }
}

function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function hashFolder(folder: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const file of filesIn(folder).sort()) {
    const info = statSync(file)
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex')
    out[file] = `${hash} ${(info.mode & 0o777).toString(8)} ${info.mtimeMs}`
  }
  return out
}

describe('the vault on disk', () => {
  it('(the scanner itself finds a secret hidden as text, base64 at any offset, or hex)', () => {
    const secret = SECRETS[0] as string
    const hidden = [
      `x${secret}y`,
      `{"v":"${Buffer.from(`ab${secret}`).toString('base64')}"}`,
      Buffer.from(`a${secret}`).toString('base64url'),
      Buffer.from(secret).toString('hex'),
      Buffer.from(secret, 'utf16le').toString('latin1'),
    ]
    for (const [i, content] of hidden.entries()) {
      const file = join(dir, `probe-${i}`)
      writeFileSync(file, Buffer.from(content, i === 4 ? 'latin1' : 'utf8'))
      expect(() => expectNoSecretIn(file, [secret])).toThrow()
    }
  })

  it('never writes a secret in any form: vault, temp files, database and exports', async () => {
    const temps: string[] = []
    const vault = await openVault({
      dir,
      passphrase: PASS,
      beforeRename: (temp) => {
        const copy = join(dir, `seen-temp-${temps.length}`)
        writeFileSync(copy, readFileSync(temp))
        temps.push(copy)
      },
    })
    const connection: Connection = {
      provider: 'bedrock',
      region: 'us-east-1',
      accessKeyId: 'AKIAEXAMPLEID',
      secretAccessKey: SECRETS[1] as string,
      sessionToken: SECRETS[0] as string,
    }
    const split = splitConnection(connection)
    await vault.setSecrets('bedrock-1', split.secrets)
    await vault.setSecrets('vertex-1', { serviceAccountJson: SECRETS[2] as string })
    await vault.setSecrets('other', { apiKey: SECRETS[3] as string })
    await vault.changePassphrase(PASS, 'a new passphrase, longer')
    expect(await vault.getSecrets('bedrock-1')).toEqual(split.secrets)

    const history = openHistoryStore({ file: join(dir, 'history.db') })
    const conversation = history.createConversation({ title: 'Keys stay out' })
    const message = history.addMessage({ conversationId: conversation.id, content: 'hello' })
    history.createRun({
      messageId: message.id,
      provider: 'bedrock',
      model: 'anthropic.claude',
      connectionId: 'bedrock-1',
      parameters: { connection: split.public },
    })
    writeFileSync(join(dir, 'export.json'), JSON.stringify(history.exportJson()))
    writeFileSync(join(dir, 'export.md'), history.exportMarkdown())
    history.close()
    await vault.close()

    expect(temps.length).toBeGreaterThanOrEqual(5)
    const files = filesIn(dir)
    expect(files.length).toBeGreaterThanOrEqual(temps.length + 4)
    for (const file of files) expectNoSecretIn(file, SECRETS)
    expect(readFileSync(join(dir, 'export.json'), 'utf8')).toContain('AKIAEXAMPLEID')
  })

  it('a wrong passphrase gives a clear error and leaves every file byte-identical', async () => {
    const vault = await openVault({ dir, passphrase: PASS })
    await vault.setSecrets('c', { apiKey: SECRETS[0] as string })
    await vault.close()
    writeFileSync(`${vault.file}.tmp-1-stale`, 'left by a crash')
    const before = hashFolder(dir)
    const error = await openVault({ dir, passphrase: 'not the passphrase' }).catch((e) => e)
    expect(error).toBeInstanceOf(VaultLockedError)
    expect(String(error)).toMatch(/^VaultLockedError: wrong passphrase/)
    expect(error).toMatchObject({ kind: 'locked', reason: 'wrong-passphrase' })
    expect(hashFolder(dir)).toEqual(before)
  })

  it('detects a wrong passphrase on an empty vault (key check)', async () => {
    await (await openVault({ dir, passphrase: PASS })).close()
    const before = hashFolder(dir)
    await expect(openVault({ dir, passphrase: 'another passphrase' })).rejects.toThrow(
      /wrong passphrase/,
    )
    expect(hashFolder(dir)).toEqual(before)
    const ok = await openVault({ dir, passphrase: PASS })
    expect(ok.status()).toMatchObject({ unlocked: true, count: 0, keySource: 'passphrase' })
    await ok.close()
  })

  it('changePassphrase re-encrypts every value; the old passphrase stops working', async () => {
    const vault = await openVault({ dir, passphrase: PASS })
    await vault.setSecrets('a', { apiKey: SECRETS[0] as string, sessionToken: 'tok' })
    await vault.setSecrets('b', { serviceAccountJson: SECRETS[2] as string })
    const old = JSON.parse(readFileSync(vault.file, 'utf8'))
    const before = hashFolder(dir)
    await expect(vault.changePassphrase('wrong old one', 'whatever new')).rejects.toThrow(
      /wrong passphrase/,
    )
    await expect(vault.changePassphrase(PASS, 'short')).rejects.toThrow(/at least 8/)
    expect(hashFolder(dir)).toEqual(before)

    await vault.changePassphrase(PASS, 'the new passphrase')
    const next = JSON.parse(readFileSync(vault.file, 'utf8'))
    expect(next.kdf.salt).not.toBe(old.kdf.salt)
    expect(next.keyCheck).not.toBe(old.keyCheck)
    for (const id of ['a', 'b']) {
      for (const field of Object.keys(old.secrets[id])) {
        expect(next.secrets[id][field]).not.toBe(old.secrets[id][field])
      }
    }
    expect(await vault.getSecrets('a')).toEqual({ apiKey: SECRETS[0], sessionToken: 'tok' })
    await vault.close()

    await expect(openVault({ dir, passphrase: PASS })).rejects.toBeInstanceOf(VaultLockedError)
    const again = await openVault({ dir, passphrase: 'the new passphrase' })
    expect(await again.getSecrets('b')).toEqual({ serviceAccountJson: SECRETS[2] })
    await again.close()
  })

  it('opens locked without a passphrase, shows hints without values, then unlocks', async () => {
    const first = await openVault({ dir, passphrase: PASS })
    await first.setSecrets('c', { apiKey: SECRETS[0] as string })
    await first.close()
    const vault = await openVault({ dir, passphrase: null })
    expect(vault.status()).toMatchObject({ unlocked: false, count: 1, keySource: 'passphrase' })
    expect(await vault.hints('c')).toEqual({ apiKey: { set: true, last4: '' } })
    await expect(vault.getSecrets('c')).rejects.toMatchObject({ reason: 'locked' })
    await expect(vault.setSecrets('c', { apiKey: 'x' })).rejects.toBeInstanceOf(VaultLockedError)
    await expect(vault.unlock('wrong passphrase!')).rejects.toThrow(/wrong passphrase/)
    expect(vault.status().unlocked).toBe(false)
    await vault.unlock(PASS)
    expect(await vault.hints('c')).toEqual({ apiKey: { set: true, last4: '00Zz' } })
    await vault.lock()
    await expect(vault.getSecrets('c')).rejects.toThrow(/locked/)
    await vault.close()
  })

  it('creates a passphrase vault on first unlock, asking for 8 or more characters', async () => {
    const vault = await openVault({ dir, passphrase: null })
    expect(readdirSync(dir)).toEqual([])
    await expect(vault.unlock('short')).rejects.toMatchObject({ kind: 'passphrase' })
    expect(readdirSync(dir)).toEqual([])
    await vault.unlock(PASS)
    await vault.setSecrets('c', { apiKey: 'value' })
    await vault.close()
    await expect(openVault({ dir, passphrase: 'other passphrase' })).rejects.toThrow(/wrong/)
    await expect(openVault({ dir, passphrase: 'short' })).rejects.toThrow(/wrong passphrase/)
  })

  it('moves a corrupt vault aside (never deletes it) and starts a new one with a notice', async () => {
    const file = join(dir, 'vault.json')
    for (const [index, junk] of ['{"format":"parallax-vault", trunc', '{"format":"x"}'].entries()) {
      writeFileSync(file, junk)
      const notices: unknown[] = []
      const vault = await openVault({
        dir,
        passphrase: PASS,
        now: () => Date.UTC(2025, 0, 2, 3, 4, 5),
        onNotice: (n) => notices.push(n),
      })
      expect(vault.notices).toHaveLength(1)
      expect(notices).toEqual(vault.notices)
      const notice = vault.notices[0]
      const movedTo = `${file}.unreadable-20250102T030405000Z${index === 0 ? '' : '-2'}`
      expect(notice).toMatchObject({ kind: 'vault-moved-aside', movedTo })
      expect(notice?.message).toMatch(/could not be read .* moved to .*enter your API keys again/)
      expect(readFileSync(movedTo, 'utf8')).toBe(junk)
      expect(vault.status().count).toBe(0)
      await vault.setSecrets('c', { apiKey: 'fresh' })
      await vault.close()
      rmSync(file)
    }
  })

  it('refuses a vault from a newer Parallax and leaves it untouched', async () => {
    const file = join(dir, 'vault.json')
    writeFileSync(file, JSON.stringify({ format: 'parallax-vault', version: 2, whatever: true }))
    const before = hashFolder(dir)
    const error = await openVault({ dir, passphrase: PASS }).catch((e) => e)
    expect(error).toBeInstanceOf(VaultVersionError)
    expect(error).toMatchObject({ fileVersion: 2, supportedVersion: 1 })
    expect(hashFolder(dir)).toEqual(before)
  })

  it('keeps the old vault whole when a write dies before the rename', async () => {
    let crash = false
    const vault = await openVault({
      dir,
      passphrase: PASS,
      beforeRename: () => {
        if (crash) throw new Error('power cut')
      },
    })
    await vault.setSecrets('c', { apiKey: 'the old value' })
    const before = readFileSync(vault.file)
    crash = true
    await expect(vault.setSecrets('c', { apiKey: 'the new value' })).rejects.toThrow('power cut')
    await expect(vault.setSecrets('d', { apiKey: 'other' })).rejects.toThrow('power cut')
    expect(readFileSync(vault.file).equals(before)).toBe(true)
    expect(vault.connectionIds()).toEqual(['c'])
    expect(await vault.getSecrets('c')).toEqual({ apiKey: 'the old value' })
    await vault.close()

    writeFileSync(`${vault.file}.tmp-999-deadbeef`, 'half a vault')
    const again = await openVault({ dir, passphrase: PASS })
    expect(await again.getSecrets('c')).toEqual({ apiKey: 'the old value' })
    expect(readdirSync(dir)).toEqual(['vault.json'])
    await again.close()
  })

  it.runIf(posix)(
    'refuses a key file others can read, and tightens a loose vault file',
    async () => {
      const key = join(dir, 'vault.key')
      const vault = await openVault({ dir, keyFile: key })
      await vault.setSecrets('c', { apiKey: 'value' })
      await vault.close()
      chmodSync(key, 0o644)
      const before = hashFolder(dir)
      const error = await openVault({ dir, keyFile: key }).catch((e) => e)
      expect(error).toBeInstanceOf(VaultKeyFileError)
      expect(error.message).toMatch(/permissions 0644/)
      expect(hashFolder(dir)).toEqual(before)
      chmodSync(key, 0o600)
      chmodSync(vault.file, 0o644)
      const again = await openVault({ dir, keyFile: key })
      expect(statSync(again.file).mode & 0o777).toBe(0o600)
      await again.close()
    },
  )
})
