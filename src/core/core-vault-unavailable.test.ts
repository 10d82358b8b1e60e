import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Notice } from '../shared/contract'
import { createDispatcher } from '../shared/dispatch'
import { openCore } from './create-core'
import { createAesGcmEncryptor, wrapSafeStorage, type Encryptor } from './vault/index'
import { okValue } from '../../test/support/test-core'

const KEY = 'sk-proj-savedWhileTheKeychainStillWorked0000'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-core-unavailable-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function workingKeychain(machineKey: Buffer): Encryptor {
  const aes = createAesGcmEncryptor(machineKey)
  return wrapSafeStorage(
    { encryptString: (plain) => aes.encrypt(plain), decryptString: (data) => aes.decrypt(data) },
    { platform: 'linux', available: true, backend: 'gnome_libsecret' },
  )
}

/** What safeStorage is on a machine with no keyring at all. */
function noKeychain(): Encryptor {
  return wrapSafeStorage(
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
}

async function open(encryptor: Encryptor) {
  const core = await openCore({
    version: '0.0.0',
    host: 'electron',
    dataDir: dir,
    emit: () => undefined,
    vaultKey: { encryptor },
    vaultFileName: 'vault-desktop.json',
  })
  return { core, call: createDispatcher(core.handlers) }
}

describe('a machine that cannot encrypt at all (no OS keychain)', () => {
  it('opens with its history, says why, refuses keys, and never touches the vault file', async () => {
    const machineKey = randomBytes(32)
    const first = await open(workingKeychain(machineKey))
    const { id } = okValue<{ id: string }>(
      await first.call('connections.create', {
        provider: 'openai',
        label: 'work',
        fields: { apiKey: KEY },
      }),
    )
    first.core.history.createConversation({ title: 'Kept history' })
    await first.core.close()
    const vaultFile = join(dir, 'vault-desktop.json')
    const before = readFileSync(vaultFile)

    const { core, call } = await open(noKeychain())
    try {
      const history = okValue<{ items: { title: string }[] }>(await call('history.list', {}))
      expect(history.items.map((item) => item.title)).toEqual(['Kept history'])
      const { notices } = okValue<{ notices: Notice[] }>(await call('app.notices', {}))
      expect(notices.map((notice) => notice.code)).toContain('vault.unavailable')
      const status = okValue<{ secure: boolean; unlocked: boolean; count: number }>(
        await call('vault.status', {}),
      )
      expect(status).toMatchObject({ secure: false, unlocked: false, count: 1 })
      const listed = okValue<{ connections: { id: string; secrets: object }[] }>(
        await call('connections.list', {}),
      )
      expect(listed.connections[0]).toMatchObject({
        id,
        secrets: { apiKey: { set: true, last4: '' } },
      })

      const saved = await call('connections.create', {
        provider: 'openai',
        label: 'another',
        fields: { apiKey: 'sk-proj-cannotBeSavedHere000000000000' },
      })
      expect(saved).toMatchObject({ ok: false, error: { code: 'vault_unavailable' } })
      const tested = await call('connections.test', { id })
      expect(tested.ok ? tested.value : tested.error).toMatchObject({ code: 'vault_unavailable' })
      expect(
        okValue<{ connections: unknown[] }>(await call('connections.list', {})).connections,
      ).toHaveLength(1)
    } finally {
      await core.close()
    }
    expect(readFileSync(vaultFile).equals(before)).toBe(true)

    // Once the keychain works again, the key saved before is there.
    const again = await open(workingKeychain(machineKey))
    try {
      const listed = okValue<{ connections: { secrets: object }[] }>(
        await again.call('connections.list', {}),
      )
      expect(listed.connections[0]?.secrets).toEqual({
        apiKey: { set: true, last4: KEY.slice(-4) },
      })
    } finally {
      await again.core.close()
    }
  })
})
