/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-non-null-assertion -- recorded JSON is read loosely in tests */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { capturesAvailable, capturesDir } from './provider-captures'
import { complete, stream, type BedrockConnection } from '../../packages/llm/src/index'
import {
  listenHttp1AndH2c,
  writeHead,
  type AnyResponse,
} from '../fakes/bedrock/dual-protocol-server'
import { caught, collect } from './contract-suite'

/**
 * Real Bedrock traffic from ../shared/provider-captures/bedrock, served with its recorded status
 * and headers in small uneven pieces, through the library (over h2c, as the SDK speaks it).
 */
const CAPTURES = capturesDir('bedrock')

interface Meta {
  request: { uri: string }
  response: { status: number; headers: [string, string][] }
  body_file: string
}

let current: Meta | undefined
let server: { url: string; close(): Promise<void> }
let connection: BedrockConnection

async function serve(res: AnyResponse, meta: Meta): Promise<void> {
  const headers: Record<string, string> = {}
  for (const [name, value] of meta.response.headers) {
    if (!/^(content-length|date|connection|transfer-encoding)$/i.test(name))
      headers[name.toLowerCase()] = value
  }
  writeHead(res, meta.response.status, headers)
  const body = readFileSync(join(CAPTURES, meta.body_file))
  const out = res as unknown as NodeJS.WritableStream & { end(): void }
  for (let at = 0, step = 1; at < body.length; step = (step * 7 + 3) % 61 || 5) {
    out.write(body.subarray(at, at + step))
    at += step
    await new Promise((r) => setImmediate(r))
  }
  out.end()
}

function load(name: string): Meta {
  return JSON.parse(readFileSync(join(CAPTURES, `${name}.meta.json`), 'utf8')) as Meta
}

function modelOf(meta: Meta): string {
  const match = /\/model\/([^/]+)\//.exec(meta.request.uri)
  const id = decodeURIComponent(match?.[1] ?? 'amazon.nova-micro-v1:0')
  return id.startsWith('<') ? 'us.anthropic.claude-3-7-sonnet-20250219-v1:0' : id
}

interface Expected {
  text: string
  reasoning: string
  tools: { name: string; args: string }[]
  stopReason: string
  usage: Record<string, number>
}

function expectedFromDecoded(name: string): Expected {
  const lines = readFileSync(join(CAPTURES, `${name}.decoded.jsonl`), 'utf8')
    .trim()
    .split('\n')
  const out: Expected = { text: '', reasoning: '', tools: [], stopReason: '', usage: {} }
  const toolByBlock = new Map<number, { name: string; args: string }>()
  for (const line of lines) {
    const { headers, payload } = JSON.parse(line) as {
      headers: Record<string, string>
      payload: any
    }
    const type = headers[':event-type']
    if (type === 'contentBlockStart' && payload.start?.toolUse) {
      const tool = { name: payload.start.toolUse.name, args: '' }
      toolByBlock.set(payload.contentBlockIndex, tool)
      out.tools.push(tool)
    } else if (type === 'contentBlockDelta') {
      out.text += payload.delta.text ?? ''
      out.reasoning += payload.delta.reasoningContent?.text ?? ''
      if (payload.delta.toolUse)
        toolByBlock.get(payload.contentBlockIndex)!.args += payload.delta.toolUse.input
    } else if (type === 'messageStop') out.stopReason = payload.stopReason
    else if (type === 'metadata') out.usage = payload.usage
  }
  return out
}

const FINISH: Record<string, string> = {
  end_turn: 'stop',
  tool_use: 'tool_calls',
  max_tokens: 'length',
}

describe.skipIf(!capturesAvailable)('bedrock replay of real captures', () => {
  beforeAll(async () => {
    server = await listenHttp1AndH2c((req, res) => {
      req.resume()
      req.on('end', () => void serve(res, current!))
    })
    connection = {
      provider: 'bedrock',
      region: 'us-east-1',
      endpoint: server.url,
      accessKeyId: 'AKIAREPLAYREPLAY0000',
      secretAccessKey: 'replay-secret-not-checked-here-000000000',
    }
  })
  afterAll(() => server.close())

  it.each([
    'pydai-converse-stream-nova',
    'pydai-converse-stream-claude-thinking',
    'pydai-converse-stream-claude-redacted-thinking',
    'pydai-converse-stream-claude-tool-use',
    'pydai-converse-stream-gpt-oss-empty-delta',
    'rubyllm-converse-stream-nova-tool-use',
    'rubyllm-converse-stream-claude-citations',
    'ddtrace-converse-stream-cache-usage',
  ])('streams %s', async (name) => {
    current = load(name)
    const expected = expectedFromDecoded(name)
    const chunks = await collect(
      stream({ model: modelOf(current), messages: [{ role: 'user', content: 'x' }] }, connection),
    )
    const deltas = chunks.map((c) => c.choices[0]?.delta)
    expect(deltas.map((d) => d?.content ?? '').join('')).toBe(expected.text)
    expect(deltas.map((d) => d?.reasoning_content ?? '').join('')).toBe(expected.reasoning)
    const calls = deltas.flatMap((d) => d?.tool_calls ?? [])
    expect(
      expected.tools.map((_, index) => ({
        name: calls.find((c) => c.index === index && c.function?.name)?.function?.name,
        args: calls
          .filter((c) => c.index === index)
          .map((c) => c.function?.arguments ?? '')
          .join(''),
      })),
    ).toEqual(expected.tools)
    const last = chunks.at(-1)!
    expect(last.choices[0]?.finish_reason).toBe(FINISH[expected.stopReason])
    expect(last.choices[0]?.provider_finish_reason).toBe(expected.stopReason)
    const u = expected.usage
    const cached = (u.cacheReadInputTokens ?? 0) + (u.cacheWriteInputTokens ?? 0)
    expect(last.usage).toMatchObject({
      prompt_tokens: (u.inputTokens ?? 0) + cached,
      completion_tokens: u.outputTokens,
      total_tokens: u.totalTokens,
    })
    if (u.cacheWriteInputTokens)
      expect(last.usage?.prompt_tokens_details?.cache_write_tokens).toBe(u.cacheWriteInputTokens)
  })

  it('keeps a streamed document citation as an annotation of the text block it came with', async () => {
    current = load('rubyllm-converse-stream-claude-citations')
    const chunks = await collect(
      stream({ model: modelOf(current), messages: [{ role: 'user', content: 'x' }] }, connection),
    )
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
    const annotations = chunks.flatMap((c) => c.choices[0]?.delta.annotations ?? [])
    expect(text).toBe('Ruby was created by Yukihiro Matsumoto in 1993.')
    expect(annotations).toEqual([
      {
        type: 'citation',
        citation: {
          cited_text: 'The Ruby programming language was created by Yukihiro Matsumoto in 1993. ',
          title: 'facts',
          start_index: 0,
          end_index: text.length,
        },
        provider_data: {
          location: { documentChar: { documentIndex: 0, end: 73, start: 0 } },
          sourceContent: [
            { text: 'The Ruby programming language was created by Yukihiro Matsumoto in 1993. ' },
          ],
          title: 'facts',
        },
      },
    ])
  })

  it('keeps the signed and the redacted reasoning of Claude streams as reasoning_details', async () => {
    const detailsOf = async (name: string) => {
      current = load(name)
      const chunks = await collect(
        stream({ model: modelOf(current), messages: [{ role: 'user', content: 'x' }] }, connection),
      )
      return chunks.at(-1)?.choices[0]?.delta.reasoning_details
    }
    expect(await detailsOf('pydai-converse-stream-claude-thinking')).toEqual([
      {
        type: 'reasoning.text',
        text: expect.stringMatching(/^The user has greeted me with a simple "Hello"\./),
        signature: expect.stringMatching(/^Eu0CCkgIBxABGAIqQJDccbDQkr81n7/),
        format: 'bedrock-converse-v1',
        index: 0,
      },
    ])
    const redacted = await detailsOf('pydai-converse-stream-claude-redacted-thinking')
    // The wire's base64 string, byte for byte (the SDK decodes it; it is encoded back the same).
    expect(
      redacted?.map((d) => [d.type, d.type === 'reasoning.encrypted' ? d.data.slice(0, 20) : '']),
    ).toEqual([
      ['reasoning.encrypted', 'RXRrRUNrZ0lCeEFCR0FJ'],
      ['reasoning.encrypted', 'RXFBRENrZ0lCeEFCR0FJ'],
    ])
  })

  it.each([
    ['pydai-converse-text', 'stop'],
    ['pydai-converse-guardrail-trace', 'stop'],
    ['pydai-converse-claude-reasoning', 'stop'],
    ['pydai-converse-tool-use', 'tool_calls'],
    ['ddtrace-converse-tool-use', 'tool_calls'],
    ['pydai-converse-max-tokens', 'length'],
  ])('completes %s', async (name, finish) => {
    current = load(name)
    const body = JSON.parse(readFileSync(join(CAPTURES, current.body_file), 'utf8')) as any
    const answer = await complete(
      { model: modelOf(current), messages: [{ role: 'user', content: 'x' }] },
      connection,
    )
    const blocks = body.output.message.content as any[]
    const choice = answer.choices[0]!
    expect(choice.finish_reason).toBe(finish)
    expect(choice.message.content ?? '').toBe(blocks.map((b) => b.text ?? '').join(''))
    const reasoning = blocks.map((b) => b.reasoningContent?.reasoningText?.text ?? '').join('')
    if (reasoning) expect(choice.message.reasoning_content).toBe(reasoning)
    const signed = blocks.find((b) => b.reasoningContent)?.reasoningContent?.reasoningText
    if (signed) {
      expect(choice.message.reasoning_details).toEqual([
        {
          type: 'reasoning.text',
          text: signed.text,
          signature: signed.signature,
          format: 'bedrock-converse-v1',
          index: 0,
        },
      ])
    }
    const tools = blocks.filter((b) => b.toolUse).map((b) => b.toolUse)
    expect(
      (choice.message.tool_calls ?? []).map((c) => ({
        id: c.id,
        name: c.function.name,
        input: JSON.parse(c.function.arguments),
      })),
    ).toEqual(tools.map((t) => ({ id: t.toolUseId, name: t.name, input: t.input })))
    expect(answer.usage?.total_tokens).toBe(body.usage.totalTokens)
    // The kept facts: the raw stopReason, a guardrail's trace, and no reasoning-token count
    // (Converse reports none, not even for Claude's reasoning).
    expect(choice.provider_finish_reason).toBe(body.stopReason)
    if (body.trace?.guardrail) {
      expect(choice.safety).toEqual({ provider_data: { guardrail: body.trace.guardrail } })
    } else expect(choice.safety).toBeUndefined()
    expect(answer.usage?.completion_tokens_details).toBeUndefined()
  })

  it.each([
    ['ddtrace-error-403-expired-token', 'auth', /expired/],
    ['rubyllm-error-403-unrecognized-client', 'auth', /access key/],
    ['issue-error-429-throttling', 'rate_limit', undefined],
    ['rubyllm-error-400-validation-input-tokens', 'context_length', /Shorten/],
    ['pydai-error-400-invalid-model-id-converse', 'not_found', /model ID/],
  ] as const)('maps the recorded error %s', async (name, kind, hint) => {
    current = load(name)
    const error = await caught(
      complete(
        { model: 'us.amazon.nova-micro-v1:0', messages: [{ role: 'user', content: 'x' }] },
        connection,
        { maxRetries: 0 },
      ),
    )
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(current.response.status)
    const body = JSON.parse(readFileSync(join(CAPTURES, current.body_file), 'utf8')) as {
      message: string
    }
    expect(error.message).toBe(body.message)
    if (hint) expect(error.hint).toMatch(hint)
    const requestId = current.response.headers.find(
      ([n]) => n.toLowerCase() === 'x-amzn-requestid',
    )?.[1]
    if (requestId) expect(error.requestId).toBe(requestId)
  })
})
