import { pathToFileURL } from 'node:url'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturesAvailable, capturesDir } from './provider-captures'
import { LlmError } from '../../packages/llm/src/errors/llm-error'
import { anthropicPlugin } from '../../packages/llm/src/providers/anthropic'
import type { ChatCompletionChunk } from '../../packages/llm/src/types'
import { pluginContext } from '../fakes/anthropic/plugin-context'

/**
 * Real recorded Anthropic traffic (../shared/provider-captures/anthropic, beside the repository;
 * read at test time, never copied in) served with its recorded status and headers, in small
 * uneven pieces, through the plugin and the official SDK.
 */
const CAPTURES = pathToFileURL(`${capturesDir('anthropic')}/`)

interface Recorded {
  status: number
  headers: [string, string][]
  body: Buffer
}

function capture(file: string, edit?: (text: string) => string): Recorded {
  const body = readFileSync(new URL(file, CAPTURES))
  const metaFile = file.replace(/\.(sse|json)$/, '.meta.json')
  let status = 200
  let headers: [string, string][]
  try {
    const meta = JSON.parse(readFileSync(new URL(metaFile, CAPTURES), 'utf8')) as {
      response: { status: number; headers: [string, string][] }
    }
    status = meta.response.status
    // The body here was re-serialized or gunzipped: its length and encoding headers no longer apply.
    headers = meta.response.headers.filter(
      ([name]) => !/^(content-length|transfer-encoding|content-encoding|connection)$/i.test(name),
    )
  } catch {
    headers = [['content-type', 'application/json']]
  }
  return { status, headers, body: edit ? Buffer.from(edit(body.toString('utf8'))) : body }
}

let server: Server
let baseURL: string
const queue: Recorded[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    const next = queue.shift()
    if (!next) return res.writeHead(500).end()
    res.writeHead(next.status, Object.fromEntries(next.headers))
    // Uneven pieces: frames never line up with reads.
    const sizes = [1, 7, 3, 29, 2, 64, 5, 11]
    let offset = 0
    let turn = 0
    const write = (): void => {
      if (offset >= next.body.length) return void res.end()
      const size = sizes[turn++ % sizes.length] ?? 8
      res.write(next.body.subarray(offset, offset + size))
      offset += size
      setImmediate(write)
    }
    write()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const connection = () => ({
  provider: 'anthropic' as const,
  apiKey: 'sk-ant-api03-replay-key-000000',
  baseURL,
})
const ask = { model: 'claude-haiku-4-5', messages: [{ role: 'user' as const, content: 'Hi' }] }

async function replayStream(recorded: Recorded): Promise<ChatCompletionChunk[]> {
  queue.push(recorded)
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of anthropicPlugin.stream(ask, connection(), pluginContext()))
    chunks.push(chunk)
  return chunks
}

const text = (chunks: ChatCompletionChunk[]) =>
  chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
const reasoning = (chunks: ChatCompletionChunk[]) =>
  chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')
const finish = (chunks: ChatCompletionChunk[]) =>
  chunks.flatMap((c) => c.choices).find((c) => c.finish_reason)

describe.skipIf(!capturesAvailable)('anthropic replay of recorded traffic', () => {
  it('streams text with pings and trailing padding in the data lines', async () => {
    const chunks = await replayStream(capture('llm-anthropic-stream-text.sse'))
    expect(text(chunks)).toBe('- Captain\n- Scoop')
    expect(finish(chunks)?.finish_reason).toBe('stop')
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 17,
      completion_tokens: 10,
      total_tokens: 27,
    })
    expect(chunks[0]?.model).toBe('claude-sonnet-4-5-20250929')
  })

  it('streams thinking as reasoning_content, then the answer, with thinking tokens in usage', async () => {
    const chunks = await replayStream(capture('rubyllm-stream-thinking.sse'))
    expect(reasoning(chunks)).toMatch(/^This is a clever paradox question\./)
    expect(text(chunks)).toMatch(/What draws you to this paradox\?$/)
    expect(chunks.at(-1)?.usage).toMatchObject({
      prompt_tokens: 80,
      completion_tokens: 638,
      completion_tokens_details: { reasoning_tokens: 353 },
    })
  })

  it('streams a tool call from input_json_delta fragments', async () => {
    const chunks = await replayStream(capture('rubyllm-stream-tool-use.sse'))
    const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
    expect(deltas[0]).toMatchObject({
      index: 0,
      id: 'toolu_01MKSN7NHsBVKr7Jvw5pqCQq',
      function: { name: 'weather' },
    })
    const args = deltas.map((d) => d.function?.arguments ?? '').join('')
    expect(JSON.parse(args)).toEqual({ latitude: '52.5200', longitude: '13.4050' })
    expect(finish(chunks)?.finish_reason).toBe('tool_calls')
  })

  it('keeps the recorded stop_reason beside the normalised finish reason', async () => {
    const text = finish(await replayStream(capture('llm-anthropic-stream-text.sse')))
    expect(text).toMatchObject({ finish_reason: 'stop', provider_finish_reason: 'end_turn' })
    const tools = finish(await replayStream(capture('rubyllm-stream-tool-use.sse')))
    expect(tools).toMatchObject({ finish_reason: 'tool_calls', provider_finish_reason: 'tool_use' })
    queue.push(capture('pydai-parallel-tool-use.json'))
    const answer = await anthropicPlugin.complete(ask, connection(), pluginContext())
    expect(answer.choices[0]?.provider_finish_reason).toBe('tool_use')
  })

  it('streams two argument-less tool calls as indices 0 and 1', async () => {
    const chunks = await replayStream(capture('llm-anthropic-stream-tool-use.sse'))
    const starts = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).filter((d) => d.id)
    expect(starts.map((d) => [d.index, d.function?.name])).toEqual([
      [0, 'pelican_name_generator'],
      [1, 'pelican_name_generator'],
    ])
  })

  it('keeps redacted thinking as encrypted reasoning_details (no reasoning text) and the answer', async () => {
    const chunks = await replayStream(capture('pydai-stream-redacted-thinking.sse'))
    expect(reasoning(chunks)).toBe('')
    expect(text(chunks)).toMatch(/^I notice that you've sent what appears to be some/)
    const details = finish(chunks)?.delta.reasoning_details ?? []
    expect(details.map((d) => [d.type, d.format, d.index])).toEqual([
      ['reasoning.encrypted', 'anthropic-claude-v1', 0],
      ['reasoning.encrypted', 'anthropic-claude-v1', 1],
    ])
    expect(details[0]).toMatchObject({ data: expect.stringMatching(/^EqkECkYIBxgCKkA8AZ4noDfV5/) })
  })

  it('keeps the thinking text and its streamed signature as one reasoning_details item', async () => {
    const chunks = await replayStream(capture('pydai-stream-thinking-signature.sse'))
    const details = finish(chunks)?.delta.reasoning_details
    expect(details).toEqual([
      {
        type: 'reasoning.text',
        text: reasoning(chunks),
        signature: expect.stringMatching(/^EvMCCkYICxgCKkCHP2cSuEdcJK.*YAQ==$/),
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ])
    expect(reasoning(chunks).length).toBeGreaterThan(20)
    // Only the finishing chunk carries them.
    expect(chunks.filter((c) => c.choices[0]?.delta.reasoning_details)).toHaveLength(1)
  })

  it('fails, after the content, when a stream ends without message_stop', async () => {
    const truncated = capture('llm-anthropic-stream-text.sse', (body) =>
      body.slice(0, body.indexOf('event: message_stop')),
    )
    queue.push(truncated)
    const chunks: ChatCompletionChunk[] = []
    const error = await (async () => {
      for await (const chunk of anthropicPlugin.stream(ask, connection(), pluginContext()))
        chunks.push(chunk)
    })().catch((e: unknown) => e)
    expect(text(chunks)).toBe('- Captain\n- Scoop')
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).kind).toBe('network')
  })

  it('maps complete answers: parallel tool calls and thinking', async () => {
    queue.push(capture('pydai-parallel-tool-use.json'))
    const tools = await anthropicPlugin.complete(ask, connection(), pluginContext())
    expect(tools.choices[0]?.finish_reason).toBe('tool_calls')
    expect(
      tools.choices[0]?.message.tool_calls?.map((c) => JSON.parse(c.function.arguments) as unknown),
    ).toEqual([{ name: 'Alice' }, { name: 'Bob' }, { name: 'Charlie' }, { name: 'Daisy' }])
    expect(tools.usage).toEqual({ prompt_tokens: 423, completion_tokens: 202, total_tokens: 625 })

    queue.push(capture('pydai-thinking.json'))
    const thinking = await anthropicPlugin.complete(ask, connection(), pluginContext())
    expect(thinking.choices[0]?.message.reasoning_content).toMatch(
      /^This is a straightforward question/,
    )
    expect(thinking.choices[0]?.message.content).toMatch(/^Here's how to cross the street safely/)
    expect(thinking.choices[0]?.message.reasoning_details).toEqual([
      {
        type: 'reasoning.text',
        text: thinking.choices[0]?.message.reasoning_content,
        signature: expect.stringMatching(/^Eq8CCkYICxgCKkDdadQOXMzNBqjrNV/),
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ])
  })

  it.each([
    ['rubyllm-error-401-authentication.json', 'auth', 401],
    ['ddtrace-error-401-old-format.json', 'auth', 401],
    ['rubyllm-error-400-prompt-too-long.json', 'context_length', 400],
    ['pydai-error-400-invalid-request.json', 'invalid_request', 400],
    ['pydai-error-404-not-found-model.json', 'not_found', 404],
    ['issue-error-529-overloaded.json', 'overloaded', 529],
  ] as const)('maps the recorded error %s to %s', async (file, kind, status) => {
    queue.push(capture(file))
    const thrown = await anthropicPlugin
      .complete(ask, connection(), pluginContext())
      .catch((e: unknown) => e)
    const error = anthropicPlugin.toError(thrown, connection())
    expect(error?.kind).toBe(kind)
    expect(error?.status).toBe(status)
    expect(error?.message.length).toBeGreaterThan(0)
  })

  it('keeps the request id of a recorded 529', async () => {
    queue.push(capture('issue-error-529-overloaded.json'))
    const thrown = await anthropicPlugin
      .complete(ask, connection(), pluginContext())
      .catch((e: unknown) => e)
    expect(anthropicPlugin.toError(thrown, connection())?.requestId).toBe(
      'req_01RCc7MbLyQNtGKzBTv8VCep',
    )
  })
})
