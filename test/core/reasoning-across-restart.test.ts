import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FAKE_SIGNATURE } from '../fakes/claude-thinking'
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from '../fakes/anthropic/anthropic-fake'
import type { FakeScript, FakeServer } from '../fakes/fake-script'
import { startGoogleFake, type GoogleFakeServer } from '../fakes/google/google-fake'
import { forgetThoughtSignatures } from '../../packages/llm/src/providers/google/thought-signatures'
import { okValue, openTestCore } from '../support/test-core'
import { createDispatcher, type Dispatch } from '../../src/shared/dispatch'
import type { z } from 'zod'
import type { StartedChatSchema } from '../../src/shared/run-input-schemas'
import type { RunDonePayload } from '../../src/shared/run-schemas'
import type { Core } from '../../src/core/create-core'
import { TOOL_NOT_RUN } from '../../src/core/runs/build-messages'

let dir: string
let fake: FakeServer
let core: Core | undefined
let call: Dispatch<void>
let done: RunDonePayload[]
type StartedChat = z.infer<typeof StartedChatSchema>

async function open(): Promise<void> {
  core = await openTestCore(dir, {
    emit: (event, payload) => {
      if (event === 'run.done') done.push(payload as RunDonePayload)
    },
  })
  call = createDispatcher(core.handlers)
}

/** Closes the core and opens it again on the same data folder (`between` runs while it is closed). */
async function restart(between?: () => void): Promise<void> {
  await core?.close()
  core = undefined
  between?.()
  await open()
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-reasoning-restart-'))
  done = []
  await open()
})
afterEach(async () => {
  await core?.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 15_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const weather = {
  type: 'function',
  function: { name: 'weather', parameters: { type: 'object', properties: {} } },
}

/** One chat turn; resolves with its run.done once the run ended. */
async function turn(
  fields: Record<string, unknown>,
  script: FakeScript,
): Promise<{ started: StartedChat; done: RunDonePayload }> {
  fake.enqueue(script)
  const count = done.length
  const started = okValue<StartedChat>(await call('runs.startChat', fields))
  await until(() => done.length > count)
  return { started, done: done.at(-1) as RunDonePayload }
}

/** The history database the core keeps in its data directory. */
const historyFile = () => join(dir, 'history.sqlite')

describe('signed reasoning survives a restart of the app core', () => {
  it('Anthropic: the thinking of a tool-call turn is sent back from the database after a restart', async () => {
    fake = await startAnthropicFake()
    const connectionId = okValue<{ id: string }>(
      await call('connections.create', {
        provider: 'anthropic',
        label: 'Claude',
        fields: { apiKey: ANTHROPIC_FAKE_KEY, baseURL: fake.url },
      }),
    ).id
    const chat = {
      connectionId,
      model: 'claude-sonnet-4-6',
      parameters: { tools: [weather], thinking_budget: 2048, max_tokens: 4000 },
    }
    const first = await turn(
      { ...chat, prompt: 'Weather in Seoul?' },
      {
        reasoning: ['I should ', 'call the tool.'],
        toolCalls: [{ id: 'toolu_01Weather', name: 'weather', argumentFragments: ['{}'] }],
      },
    )
    expect(first.done.status).toBe('done')
    expect(first.done.finishReason).toBe('tool_calls')

    await restart()

    const conversationId = first.started.conversationId
    const second = await turn(
      { ...chat, conversationId, prompt: 'And tomorrow?' },
      { text: ['Sunny again.'] },
    )
    expect(second.done.status).toBe('done')
    const sent = fake.requests.at(-1)?.json as {
      messages: { role: string; content: unknown }[]
    }
    expect(sent.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'I should call the tool.', signature: FAKE_SIGNATURE },
        { type: 'tool_use', id: 'toolu_01Weather', name: 'weather', input: {} },
      ],
    })
    expect(sent.messages[2]).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_01Weather', content: TOOL_NOT_RUN },
        { type: 'text', text: 'And tomorrow?' },
      ],
    })

    // Without the stored column the same turn is what the API refuses.
    await restart(() => {
      const db = new DatabaseSync(historyFile())
      db.exec('UPDATE runs SET reasoning_details = NULL')
      db.close()
    })
    const third = await turn(
      {
        ...chat,
        conversationId,
        prompt: 'And tomorrow?',
        parentMessageId: first.started.messageId,
        parentRunId: first.started.runId,
      },
      { text: ['unused'] },
    )
    expect(third.done.status).toBe('error')
    expect(third.done.error?.message).toMatch(/Expected `thinking` or `redacted_thinking`/)
  })

  it('Gemini: the thought signature of a tool call is sent back from the database, not from memory', async () => {
    fake = await startGoogleFake()
    const connectionId = okValue<{ id: string }>(
      await call('connections.create', {
        provider: 'gemini',
        label: 'Gemini',
        fields: { apiKey: (fake as GoogleFakeServer).apiKey, baseURL: fake.url },
      }),
    ).id
    const chat = { connectionId, model: 'gemini-3-pro-preview', parameters: { tools: [weather] } }
    const first = await turn(
      { ...chat, prompt: 'Weather in Seoul?' },
      {
        reasoning: ['I should call the tool.'],
        toolCalls: [{ name: 'weather', argumentFragments: ['{}'] }],
      },
    )
    expect(first.done.status).toBe('done')
    const callId = first.done.toolCalls[0]?.id

    let stored: unknown
    await restart(() => {
      const db = new DatabaseSync(historyFile())
      stored = JSON.parse(
        String(db.prepare('SELECT reasoning_details FROM runs').get()?.reasoning_details),
      )
      db.close()
      forgetThoughtSignatures() // what a new process would have: nothing in memory
    })
    expect(stored).toEqual([
      {
        type: 'reasoning.encrypted',
        data: expect.any(String),
        format: 'google-gemini-v1',
        index: 0,
        id: callId,
      },
    ])

    const second = await turn(
      { ...chat, conversationId: first.started.conversationId, prompt: 'And tomorrow?' },
      { text: ['Sunny again.'] },
    )
    expect(second.done.status).toBe('done')
    const sent = fake.requests.at(-1)?.json as {
      contents: { role: string; parts: Record<string, unknown>[] }[]
    }
    expect(sent.contents[1]?.parts).toEqual([
      {
        functionCall: { name: 'weather', args: {} },
        thoughtSignature: (stored as { data: string }[])[0]?.data,
      },
    ])
  })
})
