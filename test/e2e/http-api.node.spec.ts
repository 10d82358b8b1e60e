import { expect, test } from '@playwright/test'
import type { Connection } from '../../packages/llm/src/types'
import { startServedApp, type ServedApp } from './support/start-served-app'
import { startFakes, type RunningFakes } from './support/start-fakes'

// What the README's "HTTP API" section shows, done the way curl would: add connections to the
// fake providers, compare three models, read the comparison back from history.
let fakes: RunningFakes
let app: ServedApp

test.beforeAll(async () => {
  fakes = await startFakes()
  app = await startServedApp()
})
test.afterAll(async () => {
  await app?.stop()
  await fakes?.stop()
})

test('a comparison of three models through the HTTP API, read back with metrics and cost', async () => {
  const bodies: string[] = []
  const rpc = async (
    method: string,
    input: unknown,
  ): Promise<{ ok: boolean; value?: never; error?: never }> => {
    const response = await fetch(`${app.origin}/api/rpc/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${app.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    })
    const text = await response.text()
    bodies.push(text)
    return JSON.parse(text) as { ok: boolean; value?: never }
  }
  const value = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await rpc(method, input)
    expect(result.ok, `${method}: ${JSON.stringify(result)}`).toBe(true)
    return result.value as T
  }

  const add = async (provider: string, fields: Record<string, string>) =>
    (
      await value<{ id: string }>('connections.create', {
        provider,
        label: `${provider} (fake)`,
        fields,
      })
    ).id
  const c = fakes.connections as Record<string, Connection & Record<string, string>>
  const openai = await add('openai', {
    apiKey: c.openai?.apiKey ?? '',
    baseURL: c.openai?.baseURL ?? '',
  })
  const anthropic = await add('anthropic', {
    apiKey: c.anthropic?.apiKey ?? '',
    baseURL: c.anthropic?.baseURL ?? '',
  })
  const gemini = await add('gemini', {
    apiKey: c.gemini?.apiKey ?? '',
    baseURL: c.gemini?.baseURL ?? '',
  })
  expect((await value<{ ok: boolean }>('connections.test', { id: anthropic })).ok).toBe(true)

  const started = await value<{ conversationId: string; runIds: string[] }>('compare.start', {
    prompt: 'Explain WAL mode in one sentence.',
    targets: [
      { connectionId: openai, model: 'gpt-4.1-mini' },
      { connectionId: anthropic, model: 'claude-sonnet-5-5', parameters: { max_tokens: 256 } },
      { connectionId: gemini, model: 'gemini-2.5-flash' },
    ],
  })
  expect(started.runIds).toHaveLength(3)

  type Detail = {
    conversation: { mode: string }
    runs: {
      status: string
      answer: string
      model: string
      ttftMs: number | null
      totalMs: number | null
      costUsd: number | null
      usage: { tokensOut: number | null }
    }[]
  }
  let detail: Detail | undefined
  for (let i = 0; i < 100; i++) {
    detail = await value<Detail>('history.get', { id: started.conversationId })
    if (detail.runs.every((run) => run.status !== 'streaming')) break
    await new Promise((r) => setTimeout(r, 100))
  }
  expect(detail?.conversation.mode).toBe('compare')
  expect(detail?.runs).toHaveLength(3)
  for (const run of detail?.runs ?? []) {
    expect(run.status).toBe('done')
    // `npm run fakes` answers with its demo text, naming the model and quoting the prompt.
    expect(run.answer).toContain(`demo answer** from \`${run.model}\``)
    expect(run.answer).toContain('You asked: “')
    expect(run.ttftMs).not.toBeNull()
    expect(run.totalMs).not.toBeNull()
    expect(run.usage.tokensOut).toBeGreaterThan(0)
    expect(run.costUsd).toBeGreaterThan(0)
  }

  const search = await value<{ hits: { conversationId: string }[] }>('history.search', {
    query: 'WAL mode',
  })
  expect(search.hits.map((hit) => hit.conversationId)).toContain(started.conversationId)

  // No answer the API gave ever carried a saved key.
  for (const secret of [c.openai?.apiKey, c.anthropic?.apiKey, c.gemini?.apiKey]) {
    expect(bodies.join('\n')).not.toContain(secret)
  }
})
