import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../shared/dispatch'
import type { RpcResult } from '../shared/rpc-result'
import type { Core } from './create-core'
import type { HistoryExport } from './history/history-export-schema'
import { openTestCore } from '../../test/support/test-core'

let dir: string
let source: Core
let target: Core
let call: Dispatch<void>
let good: HistoryExport
let opened = 0

async function open(): Promise<Core> {
  const dataDir = join(dir, String(opened++))
  return openTestCore(dataDir)
}

/** Two conversations: a prompt with a follow-up (parentId, parentRunId) and answers to both. */
function fill(core: Core): void {
  const { history } = core
  for (const title of ['first', 'second']) {
    const conversation = history.createConversation({ title })
    const prompt = history.addMessage({ conversationId: conversation.id, content: 'q1' })
    const run = history.createRun({ messageId: prompt.id, provider: 'openai', model: 'm' })
    history.finishRun(run.id, { status: 'done', answer: 'a1' })
    const next = history.addMessage({
      conversationId: conversation.id,
      parentId: prompt.id,
      parentRunId: run.id,
      content: 'q2',
    })
    const second = history.createRun({ messageId: next.id, provider: 'openai', model: 'm' })
    history.finishRun(second.id, { status: 'done', answer: 'a2' })
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-import-errors-'))
  source = await open()
  fill(source)
  good = source.history.exportJson()
})
afterAll(async () => {
  await source.close()
  await target.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(async () => {
  await target?.close()
  target = await open()
  call = createDispatcher(target.handlers)
})

function counts(core: Core): Record<string, number> {
  // What is in the file, read as any other connection would.
  const db = new DatabaseSync(core.database.file, { readOnly: true })
  try {
    const count = (table: string) =>
      Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n)
    return {
      conversations: count('conversations'),
      messages: count('messages'),
      runs: count('runs'),
    }
  } finally {
    db.close()
  }
}

function failure(result: RpcResult<unknown>) {
  expect(result.ok, JSON.stringify(result)).toBe(false)
  return (result as Extract<RpcResult<unknown>, { ok: false }>).error
}

type Edit = (doc: HistoryExport) => void
type Conversation = HistoryExport['conversations'][number]
const c0 = (doc: HistoryExport) => doc.conversations[0] as Conversation
const c1 = (doc: HistoryExport) => doc.conversations[1] as Conversation

const CASES: [string, Edit, string, RegExp][] = [
  [
    'a run pointing at a message that is not in the file',
    (doc) => Object.assign(c1(doc).runs[1] ?? {}, { messageId: 'no-such-message' }),
    'data.conversations[1].runs[1].messageId',
    /^Run \S+ points at message no-such-message, which is not in the file\.$/,
  ],
  [
    'a run pointing at a message of another conversation',
    (doc) => Object.assign(c1(doc).runs[0] ?? {}, { messageId: c0(doc).messages[0]?.id }),
    'data.conversations[1].runs[0].messageId',
    /^Run \S+ points at message \S+, which belongs to another conversation \(\S+\)\.$/,
  ],
  [
    'a prompt whose parent prompt is missing',
    (doc) => Object.assign(c0(doc).messages[1] ?? {}, { parentId: 'gone' }),
    'data.conversations[0].messages[1].parentId',
    /^Message \S+ points at message gone, which is not in the file\.$/,
  ],
  [
    'a prompt whose parent answer is missing',
    (doc) => Object.assign(c1(doc).messages[1] ?? {}, { parentRunId: 'gone' }),
    'data.conversations[1].messages[1].parentRunId',
    /^Message \S+ points at run gone, which is not in the file\.$/,
  ],
  [
    'a conversation id used twice',
    (doc) => Object.assign(c1(doc), { id: c0(doc).id }),
    'data.conversations[1].id',
    /^Conversation \S+ appears twice in the file \(first at conversations\[0\]\)\.$/,
  ],
  [
    'a message id used twice',
    (doc) => Object.assign(c1(doc).messages[0] ?? {}, { id: c0(doc).messages[1]?.id }),
    'data.conversations[1].messages[0].id',
    /^Message \S+ appears twice in the file \(first at conversations\[0\]\.messages\[1\]\)\.$/,
  ],
  [
    'a run id used twice',
    (doc) => Object.assign(c0(doc).runs[1] ?? {}, { id: c0(doc).runs[0]?.id }),
    'data.conversations[0].runs[1].id',
    /^Run \S+ appears twice in the file \(first at conversations\[0\]\.runs\[0\]\)\.$/,
  ],
  [
    'a format version from a newer Parallax',
    (doc) => Object.assign(doc, { version: 7 }),
    'data.version',
    /newer Parallax \(history format version 7\); this version reads version 1/,
  ],
  [
    'a wrong type deep inside',
    (doc) => Object.assign(c1(doc).runs[1]?.usage ?? {}, { tokensIn: 'many' as unknown as number }),
    'data.conversations[1].runs[1].usage.tokensIn',
    /conversations\[1\]\.runs\[1\]\.usage\.tokensIn/,
  ],
  [
    'a time no date can hold',
    (doc) => Object.assign(c1(doc).messages[1] ?? {}, { createdAt: 9e15 }),
    'data.conversations[1].messages[1].createdAt',
    /conversations\[1\]\.messages\[1\]\.createdAt/,
  ],
]

describe('history.import refusals name the item and save nothing', () => {
  it.each(CASES)('%s', async (_, edit, field, message) => {
    const doc = structuredClone(good)
    edit(doc)
    for (const data of [doc, JSON.stringify(doc)]) {
      const error = failure(await call('history.import', { data }))
      expect(error).toMatchObject({ kind: 'invalid_input', field })
      expect(error.message).toMatch(message)
      expect(error.message).not.toMatch(/FOREIGN KEY|constraint|SQLITE/i)
    }
    expect(counts(target)).toEqual({ conversations: 0, messages: 0, runs: 0 })
    // The untouched file still imports in full afterwards.
    expect((await call('history.import', { data: good })).ok).toBe(true)
    expect(counts(target)).toEqual({ conversations: 2, messages: 4, runs: 4 })
  })

  it('refuses an id already saved in another conversation, after rolling back what it added', async () => {
    expect((await call('history.import', { data: good })).ok).toBe(true)
    const before = counts(target)
    // Two new conversations (added first); the second's prompt reuses an id saved in another.
    const doc = structuredClone(good)
    const reused = c0(doc).messages[0]?.id ?? ''
    const owner = c0(doc).id
    const prompt = c1(doc).messages[0] as Conversation['messages'][number]
    const fresh: Conversation = { ...c1(doc), id: 'new-conversation', messages: [], runs: [] }
    const stray: Conversation = { ...fresh, id: 'stray', messages: [{ ...prompt, id: reused }] }
    doc.conversations = [fresh, stray]
    const error = failure(await call('history.import', { data: doc }))
    expect(error).toMatchObject({
      kind: 'invalid_input',
      field: 'data.conversations[1].messages[0].id',
    })
    expect(error.message).toBe(
      `Message ${reused} is already saved in another conversation (${owner}).`,
    )
    expect(counts(target)).toEqual(before)
  })

  it('refuses parameters nested 100,000 deep instead of overflowing the stack', async () => {
    const depth = 100_000
    const deep = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    const text = JSON.stringify(good).replace(/"parameters":\{[^}]*\}/, `"parameters":${deep}`)
    for (const data of [text, JSON.parse(text) as unknown]) {
      const error = failure(await call('history.import', { data }))
      expect(error).toMatchObject({
        kind: 'invalid_input',
        field: 'data.conversations[0].runs[0].parameters',
      })
    }
    expect(counts(target)).toEqual({ conversations: 0, messages: 0, runs: 0 })
  })

  it('accepts references to items already in the store', async () => {
    expect((await call('history.import', { data: good })).ok).toBe(true)
    // A later export of the same conversation with one more answer to a stored prompt.
    const doc = structuredClone(good)
    const conversation = c0(doc)
    const extra = {
      ...(conversation.runs[0] as Conversation['runs'][number]),
      id: 'extra-run',
    }
    conversation.messages = []
    conversation.runs = [extra]
    doc.conversations = [conversation]
    const result = await call('history.import', { data: doc })
    expect(result).toMatchObject({ ok: true, value: { runs: { added: 1, existing: 0 } } })
  })
})
