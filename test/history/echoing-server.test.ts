import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/core/create-core'
import { createDispatcher, type Dispatch } from '../../src/shared/dispatch'
import type { RunDonePayload } from '../../src/shared/run-schemas'

// A key with characters every encoding writes differently: / + = " \ and a space.
const KEY = 'sk-echo/Key+Test="q"\\z 0123456789abcdefXYZ'

/** The key in every encoding a server might echo it in, labelled so a failure names the form. */
function encodings(key: string): Record<string, string> {
  const forms: Record<string, string> = {
    raw: key,
    url: encodeURIComponent(key),
    form: new URLSearchParams({ k: key }).toString().slice(2),
    json: JSON.stringify(key).slice(1, -1),
    basic: Buffer.from(`user:${key}`).toString('base64'),
  }
  for (const prefix of ['', 'a', 'ab']) {
    forms[`base64+${prefix.length}`] = Buffer.from(prefix + key).toString('base64')
    forms[`base64url+${prefix.length}`] = Buffer.from(prefix + key).toString('base64url')
  }
  return forms
}

/**
 * What must not survive, whatever surrounds it: the raw, URL and JSON forms whole, and for
 * base64 the characters that only the key's bytes determine, at each of the three alignments.
 */
function leakedForms(key: string): Record<string, string> {
  const forms: Record<string, string> = {
    raw: key,
    url: encodeURIComponent(key),
    form: new URLSearchParams({ k: key }).toString().slice(2),
    json: JSON.stringify(key).slice(1, -1),
  }
  const bytes = Buffer.from(key)
  for (let offset = 0; offset < 3; offset++) {
    const core = Buffer.concat([Buffer.alloc(offset), bytes])
      .toString('base64')
      .slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6))
    forms[`base64 core @${offset}`] = core
    forms[`base64url core @${offset}`] = core.replace(/\+/g, '-').replace(/\//g, '_')
  }
  return forms
}

/** One text holding the key in every encoding, each between markers. */
function echo(key: string): string {
  return Object.entries(encodings(key))
    .map(([name, form]) => `${name}=<${form}>`)
    .join(' ')
}

function receivedKey(request: IncomingMessage): string {
  const bearer = request.headers.authorization?.replace(/^Bearer /, '')
  return String(request.headers['x-api-key'] ?? bearer ?? '')
}

/** Answers every request by echoing the key it received, as an HTTP error or a stream error. */
function misbehave(request: IncomingMessage, response: ServerResponse, inStream: boolean): void {
  const key = receivedKey(request)
  const anthropic = request.url?.startsWith('/v1/messages') ?? false
  const message = `Invalid key. You sent: ${echo(key)}`
  const body = anthropic
    ? { type: 'error', error: { type: 'authentication_error', message } }
    : { error: { message, type: 'invalid_request_error', code: 'invalid_api_key' } }
  if (!inStream) {
    response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': key.trim() })
    response.end(JSON.stringify(body))
    return
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': key.trim() })
  if (anthropic) {
    response.end(`event: error\ndata: ${JSON.stringify(body)}\n\n`)
    return
  }
  const chunk = {
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'echo',
    choices: [{ index: 0, delta: { role: 'assistant', content: 'Hello' }, finish_reason: null }],
  }
  response.end(`data: ${JSON.stringify(chunk)}\n\ndata: ${JSON.stringify(body)}\n\n`)
}

let server: Server
let baseUrl: string
let inStream = false
let dir: string

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume()
    request.on('end', () => misbehave(request, response, inStream))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  dir = mkdtempSync(join(tmpdir(), 'parallax-echo-'))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** Every file under `dir`, with its bytes. */
function filesUnder(folder: string): [string, Buffer][] {
  const out: [string, Buffer][] = []
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path))
    else out.push([path, readFileSync(path)])
  }
  return out
}

function expectNoKey(where: string, bytes: Buffer | string): void {
  const haystack = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  for (const [name, form] of Object.entries(leakedForms(KEY))) {
    expect(haystack.includes(Buffer.from(form)), `the key (${name}) in ${where}`).toBe(false)
  }
}

describe('a server that echoes the key in every encoding', () => {
  const cases = [
    { provider: 'openai-compatible', path: '/v1', inStream: false },
    { provider: 'openai-compatible', path: '/v1', inStream: true },
    { provider: 'anthropic', path: '', inStream: false },
    { provider: 'anthropic', path: '', inStream: true },
  ]

  it.each(cases)(
    'leaves no trace of the key in the run’s error, the database or any data file ($provider, in-stream error: $inStream)',
    async (testCase) => {
      const dataDir = join(dir, `${testCase.provider}-${String(testCase.inStream)}`)
      const done: RunDonePayload[] = []
      const core: Core = await openCore({
        version: '0.0.0',
        host: 'web',
        dataDir,
        emit: (event, payload) => {
          if (event === 'run.done') done.push(payload as RunDonePayload)
        },
        vaultKey: { keyFile: join(dataDir, 'vault.key') },
      })
      const call: Dispatch<void> = createDispatcher(core.handlers)
      inStream = testCase.inStream
      try {
        const created = await call('connections.create', {
          provider: testCase.provider,
          label: 'echo',
          fields: { apiKey: KEY, baseURL: baseUrl + testCase.path },
        })
        expect(created.ok, JSON.stringify(created)).toBe(true)
        const connectionId = (created as { value: { id: string } }).value.id
        const started = await call('runs.startChat', {
          connectionId,
          model: 'echo-model',
          prompt: 'Hi',
        })
        expect(started.ok, JSON.stringify(started)).toBe(true)
        const { runId, conversationId } = (
          started as { value: { runId: string; conversationId: string } }
        ).value
        await expect.poll(() => done.length, { timeout: 10_000 }).toBe(1)
        const error = done[0]?.error
        expect(error?.kind).toMatch(/^(auth|invalid_request)$/)
        // The echo reached the error, and each encoding in it was cut out.
        for (const name of Object.keys(encodings(KEY))) {
          expect(error?.message).toMatch(
            new RegExp(`${name.replace('+', '\\+')}=<[^>]*\\[redacted\\]`),
          )
        }
        expectNoKey('the run.done error', JSON.stringify(done[0]))

        const detail = await call('history.get', { id: conversationId })
        expectNoKey('history.get', JSON.stringify(detail))
        expect(JSON.stringify(detail)).toContain(runId)
        for (const format of ['json', 'markdown']) {
          expectNoKey(
            `the ${format} export`,
            JSON.stringify(await call('history.export', { format })),
          )
        }
        // While the core is open the WAL holds the latest writes.
        const open = filesUnder(dataDir)
        expect(open.map(([path]) => path)).toContain(join(dataDir, 'history.sqlite-wal'))
        for (const [path, bytes] of open) expectNoKey(path, bytes)
      } finally {
        await core.close()
      }
      for (const [path, bytes] of filesUnder(dataDir)) expectNoKey(path, bytes)
    },
  )
})
