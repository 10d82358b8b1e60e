import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { complete, stream, type Connection } from '../../packages/llm/src/index'
import { createSdkLogger } from '../../packages/llm/src/internal/sdk-logger'
import { startAnthropicFake } from '../fakes/anthropic'
import type { FakeServer } from '../fakes/fake-script'

/*
 * The SDKs print nothing of their own: the Anthropic SDK's messages.create writes deprecation
 * notices with console.warn whatever its log level, so the library sends with the client's post
 * and words such notices to the caller's logger, redacted.
 */

let fake: FakeServer & { apiKey: string }
let connection: Connection

beforeAll(async () => {
  fake = await startAnthropicFake()
  connection = { provider: 'anthropic', apiKey: fake.apiKey, baseURL: fake.url }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())
afterEach(() => vi.restoreAllMocks())

/** Everything written to the console or stderr while `run` runs. */
async function printed(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = []
  const keep = (...values: unknown[]): void => void lines.push(values.map(String).join(' '))
  for (const method of ['warn', 'error', 'log', 'info', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation(keep)
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk))
    return true
  })
  await run()
  vi.restoreAllMocks()
  return lines
}

const hi = [{ role: 'user' as const, content: 'Hi' }]

describe('the SDKs’ own logging', () => {
  it('prints nothing for a model the Anthropic SDK calls deprecated, streamed or not', async () => {
    const lines = await printed(async () => {
      await complete({ model: 'claude-sonnet-4-5-20250929', messages: hi }, connection)
      for await (const chunk of stream(
        { model: 'claude-sonnet-4-5-20250929', messages: hi },
        connection,
      ))
        void chunk
    })
    expect(lines).toEqual([])
    expect(fake.requests).toHaveLength(2) // both were sent
  })

  it('prints nothing for a manual thinking budget the SDK would warn about', async () => {
    const lines = await printed(() =>
      complete(
        { model: 'claude-opus-4-6', messages: hi, thinking_budget: 2048, max_tokens: 8192 },
        connection,
      ),
    )
    expect(lines).toEqual([])
    expect((fake.requests.at(-1)?.json as { thinking?: unknown }).thinking).toEqual({
      type: 'enabled',
      budget_tokens: 2048,
    })
  })

  it('tells the caller’s logger that a model is deprecated', async () => {
    const warnings: string[] = []
    await complete({ model: 'claude-sonnet-4-5-20250929', messages: hi }, connection, {
      logger: { warn: (message) => warnings.push(message) },
    })
    expect(warnings).toEqual([
      expect.stringContaining("'claude-sonnet-4-5-20250929' is deprecated"),
    ])
  })

  it('forwards SDK warnings and errors as one redacted line, never info or debug', () => {
    const got: string[] = []
    const key = 'sk-ant-sentinel-0123456789abcdef'
    const log = createSdkLogger(
      { warn: (message) => got.push(`warn: ${message}`), error: (m) => got.push(`error: ${m}`) },
      { provider: 'anthropic', apiKey: key },
    )
    log.warn('retrying with', { headers: { 'x-api-key': key } })
    log.error(new Error(`bad key ${key}`).message)
    log.info('request', { key })
    log.debug('response', { key })
    expect(got).toHaveLength(2)
    expect(got[0]).toMatch(/^warn: retrying with \{"headers":\{"x-api-key":"\[redacted\]"\}\}$/)
    expect(got[1]).toBe('error: bad key [redacted]')
    expect(got.join('\n')).not.toContain(key)
  })

  it('keeps a call going when the caller’s logger throws', async () => {
    const answer = await complete(
      { model: 'claude-sonnet-4-5-20250929', messages: hi },
      connection,
      {
        logger: {
          warn: () => {
            throw new Error('logger broke')
          },
        },
      },
    )
    expect(answer.choices[0]?.message.content).toBeTruthy()
  })
})
