import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Notice } from '../shared/contract'
import { createDispatcher } from '../shared/dispatch'
import { okValue, openTestCore } from '../../test/support/test-core'

const OLD_KEY = 'sk-proj-savedBeforeTheKeyFileWasReplaced0000'
const NEW_KEY = 'sk-proj-enteredAgainAfterTheReplacement1234'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-core-reentry-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function open() {
  const events: { event: string; payload: unknown }[] = []
  const core = await openTestCore(dir, {
    emit: (event, payload) => events.push({ event, payload }),
  })
  return { core, call: createDispatcher(core.handlers), events }
}

interface Listed {
  connections: { id: string; secrets: Record<string, object> }[]
}

describe('a data folder whose vault.key was replaced or lost', () => {
  it('opens with its history, lists the connection as needing its key, and takes it again', async () => {
    const first = await open()
    const { id } = okValue<{ id: string }>(
      await first.call('connections.create', {
        provider: 'openai',
        label: 'work',
        fields: { apiKey: OLD_KEY },
      }),
    )
    const conversation = first.core.history.createConversation({ title: 'Kept history' })
    first.core.history.addMessage({ conversationId: conversation.id, content: 'Still here?' })
    await first.core.close()
    const oldVault = readFileSync(join(dir, 'vault.json'))
    rmSync(join(dir, 'vault.key'))
    writeFileSync(join(dir, 'vault.key'), randomBytes(32), { mode: 0o600 })

    const { core, call, events } = await open()
    try {
      const history = okValue<{ items: { id: string }[] }>(await call('history.list', {}))
      expect(history.items.map((item) => item.id)).toEqual([conversation.id])

      const { notices } = okValue<{ notices: Notice[] }>(await call('app.notices', {}))
      const notice = notices.find((n) => n.code === 'vault.key_file_replaced')
      expect(notice).toMatchObject({ level: 'warning', detail: expect.stringContaining(dir) })
      expect(readFileSync(notice?.detail ?? '').equals(oldVault)).toBe(true)

      const listed = okValue<Listed>(await call('connections.list', {}))
      expect(listed.connections[0]?.secrets).toEqual({
        apiKey: { set: false, last4: '', reenter: true },
      })
      expect(okValue(await call('vault.status', {}))).toMatchObject({
        unlocked: true,
        reentry: { count: 1, reason: 'key_file_replaced', keptAs: expect.any(String) },
      })

      // Using it says what to do instead of sending a request without a key.
      const test = await call('connections.test', { id })
      expect(test).toMatchObject({
        ok: false,
        error: { kind: 'invalid_input', code: 'key_reenter' },
      })
      const started = okValue<{ runId: string }>(
        await call('runs.startChat', { connectionId: id, model: 'gpt-4o-mini', prompt: 'hi' }),
      )
      await expect.poll(() => events.some((e) => e.event === 'run.done')).toBe(true)
      const done = events.find((e) => e.event === 'run.done')?.payload
      expect(done).toMatchObject({
        runId: started.runId,
        status: 'error',
        error: { kind: 'reenter', message: expect.stringMatching(/must be entered again/) },
      })

      okValue(await call('connections.update', { id, fields: { apiKey: NEW_KEY } }))
      const after = okValue<Listed>(await call('connections.list', {}))
      expect(after.connections[0]?.secrets).toEqual({ apiKey: { set: true, last4: '1234' } })
      expect(okValue(await call('vault.status', {}))).not.toHaveProperty('reentry')
      expect(core.vault.reentryFields(id)).toEqual([])
    } finally {
      await core.close()
    }
    const again = await open()
    expect(okValue<{ notices: Notice[] }>(await again.call('app.notices', {})).notices).toEqual([])
    expect(
      okValue<Listed>(await again.call('connections.list', {})).connections[0]?.secrets,
    ).toEqual({ apiKey: { set: true, last4: '1234' } })
    await again.core.close()
    expect(existsSync(join(dir, 'vault.json'))).toBe(true)
  })

  it('lets the person drop an optional key that waits to be entered again (a session token)', async () => {
    const first = await open()
    const { id } = okValue<{ id: string }>(
      await first.call('connections.create', {
        provider: 'bedrock',
        label: 'aws',
        fields: {
          region: 'us-east-1',
          accessKeyId: 'ASIAEXAMPLEEXAMPLE',
          secretAccessKey: 'bedrock/secret/access/key/0000',
          sessionToken: 'an-expired-session-token-0000',
        },
      }),
    )
    await first.core.close()
    rmSync(join(dir, 'vault.key'))

    const { core, call } = await open()
    try {
      expect(core.vault.reentryFields(id)).toEqual(['secretAccessKey', 'sessionToken'])
      okValue(
        await call('connections.update', {
          id,
          fields: { secretAccessKey: 'bedrock/secret/access/key/1111', sessionToken: null },
        }),
      )
      expect(core.vault.reentryFields(id)).toEqual([])
      const listed = okValue<Listed>(await call('connections.list', {}))
      expect(listed.connections[0]?.secrets).toMatchObject({
        secretAccessKey: { set: true, last4: '1111' },
        sessionToken: { set: false, last4: '' },
      })
      expect(listed.connections[0]?.secrets.sessionToken).not.toHaveProperty('reenter')
      expect(okValue(await call('app.notices', {}))).toMatchObject({
        notices: [{ code: 'vault.key_file_missing' }],
      })
    } finally {
      await core.close()
    }
  })
})
