import { expect, it } from 'vitest'
import {
  baseModelOf,
  capabilities,
  complete,
  LlmError,
  stream,
  type ChatCompletionChunk,
  type ChatRequest,
  type Exchange,
} from '../../packages/llm/src/index'
import { errorSurfaces } from './error-surfaces'
import type { HarnessInstance, ProviderHarness } from './provider-harness'

const REDACTED = '[redacted]'

/** Request headers that carry a credential: Authorization and every …key header. */
const CREDENTIAL_HEADER = /^authorization$|key$/

/** Every secret of the harness, plus an access key id (not secret alone, but masked too). */
function sentinels(h: HarnessInstance): string[] {
  const record = h.connection as unknown as Record<string, unknown>
  const accessKeyId = typeof record.accessKeyId === 'string' ? [record.accessKeyId] : []
  return [...h.secrets, ...accessKeyId].filter((secret) => secret.length >= 6)
}

function expectNoSecret(text: string, h: HarnessInstance): void {
  for (const secret of sentinels(h)) expect(text).not.toContain(secret)
}

/** The rate-limit headers each provider family sends, and what they normalise to. */
function rateLimitHeaders(provider: ProviderHarness['provider']): Record<string, string> {
  if (provider === 'anthropic') {
    const reset = '2031-02-17T23:44:11Z'
    return {
      'anthropic-ratelimit-requests-limit': '50',
      'anthropic-ratelimit-requests-remaining': '49',
      'anthropic-ratelimit-requests-reset': reset,
      'anthropic-ratelimit-tokens-limit': '90000',
      'anthropic-ratelimit-tokens-remaining': '89000',
      'anthropic-ratelimit-tokens-reset': reset,
      'anthropic-ratelimit-input-tokens-limit': '80000',
      'anthropic-ratelimit-input-tokens-remaining': '79000',
      'anthropic-ratelimit-input-tokens-reset': reset,
      'anthropic-ratelimit-output-tokens-limit': '10000',
      'anthropic-ratelimit-output-tokens-remaining': '9000',
      'anthropic-ratelimit-output-tokens-reset': reset,
    }
  }
  return {
    'x-ratelimit-limit-requests': '50',
    'x-ratelimit-remaining-requests': '49',
    'x-ratelimit-reset-requests': '6m0s',
    'x-ratelimit-limit-tokens': '90000',
    'x-ratelimit-remaining-tokens': '89000',
    'x-ratelimit-reset-tokens': '20ms',
  }
}

/**
 * The exchange (what was sent and what came back) on every call, for one provider: on success
 * and error, with a retry, rate limits, raw events, the field trace and onResponse; never a
 * secret in it. Run from the contract suite.
 */
export function runExchangeChecks(harness: ProviderHarness, instance: () => HarnessInstance): void {
  const base = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
    model: harness.model,
    messages: [{ role: 'user', content: 'Say hello.' }],
    max_tokens: 64,
    ...extra,
  })

  it('records the exchange of a completion: the request as sent, masked, and the answer', async () => {
    const h = instance()
    h.fake.enqueue({ text: ['Hello', '!'], usage: { input: 5, output: 2 } })
    const before = Date.now()
    const answer = await complete(base(), h.connection)
    const exchange = answer.response as Exchange
    expect(exchange.attempts).toHaveLength(1)
    const [attempt] = exchange.attempts
    const received = h.fake.requests.at(-1)
    expect(attempt?.request.method).toBe('POST')
    expect(attempt?.request.url.startsWith(h.fake.url)).toBe(true)
    expect(new URL(attempt?.request.url ?? '').pathname).toBe(
      new URL(received?.url ?? '/', h.fake.url).pathname,
    )
    // The body exactly as the provider received it.
    expect(attempt?.request.body).toBe(received?.body)
    const credentials = Object.keys(attempt?.request.headers ?? {}).filter((name) =>
      CREDENTIAL_HEADER.test(name),
    )
    expect(credentials.length).toBeGreaterThan(0)
    for (const name of credentials) expect(attempt?.request.headers[name]).toContain(REDACTED)
    expect(attempt?.attempt).toBe(0)
    expect(attempt?.retryWaitMs).toBe(0)
    expect(attempt?.response?.status).toBe(200)
    expect(attempt?.error).toBeUndefined()

    expect(exchange.response?.status).toBe(200)
    expect(exchange.response?.headers['content-type']).toBeTruthy()
    const idHeader = ['x-request-id', 'apim-request-id', 'request-id', 'x-amzn-requestid'].find(
      (name) => exchange.response?.headers[name],
    )
    if (idHeader) expect(exchange.response?.requestId).toBe(exchange.response?.headers[idHeader])

    const t = exchange.timings
    expect(t.sentAt).toBeGreaterThanOrEqual(before)
    expect(t.sentAt).toBeLessThanOrEqual(Date.now())
    expect(t.headersMs).toBeGreaterThanOrEqual(0)
    expect(t.firstTokenMs).toBeGreaterThanOrEqual(t.headersMs ?? 0)
    expect(t.lastTokenMs).toBeGreaterThanOrEqual(t.firstTokenMs ?? 0)
    expect(t).toMatchObject({ attempts: 1, retryWaitMs: 0 })
    expect(exchange.fields).toContainEqual(
      expect.objectContaining({ field: 'model', action: 'sent' }),
    )
    const maxTokens = exchange.fields.find((f) => f.field === 'max_tokens')
    expect(maxTokens?.action).toBe('sent')
    // Sent under the provider's own name where the rules give one (max_completion_tokens …).
    const rule = capabilities(harness.provider, harness.model, {
      baseModel: baseModelOf(h.connection, harness.model),
    }).parameters.max_tokens
    const wire = rule.support === 'unsupported' ? undefined : rule.noteDetails?.field
    expect(maxTokens?.wireName).toBe(wire === 'max_tokens' ? undefined : wire)
    expect(exchange.events).toBeUndefined()
    expectNoSecret(JSON.stringify(exchange), h)
  })

  it('puts the exchange on an error: the HTTP error recorded, masked, out of toJSON()', async () => {
    const h = instance()
    h.fake.enqueue({ error: 'invalid_request' })
    let error: unknown
    try {
      await complete(base(), h.connection)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(LlmError)
    const failed = error as LlmError
    const exchange = failed.response as Exchange
    expect(exchange.attempts).toHaveLength(1)
    expect(exchange.attempts[0]?.error).toBe(failed.kind)
    expect(exchange.response?.status).toBe(failed.status)
    expect(exchange.response?.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(failed)).not.toContain('attempts')
    expectNoSecret(JSON.stringify(exchange), h)
    expectNoSecret(errorSurfaces(failed), h)
  })

  it('records a retry: two attempts, the first one’s error and the wait before the second', async () => {
    const h = instance()
    h.fake.enqueue({ error: 'server' }, { text: ['Fine.'] })
    const waits: number[] = []
    const answer = await complete(base(), h.connection, {
      onRetryWait: (wait) => waits.push(wait.delayMs),
    })
    const exchange = answer.response as Exchange
    expect(exchange.attempts.map((a) => a.attempt)).toEqual([0, 1])
    expect(exchange.attempts[0]?.error).toBe('server')
    expect(exchange.attempts[0]?.response?.status).toBeGreaterThanOrEqual(500)
    expect(exchange.attempts[1]?.response?.status).toBe(200)
    expect(waits).toHaveLength(1)
    const waited = exchange.attempts[1]?.retryWaitMs ?? 0
    expect(waited).toBeGreaterThanOrEqual((waits[0] ?? 0) - 20)
    expect(exchange.timings).toMatchObject({ attempts: 2, retryWaitMs: waited })
    expect(exchange.timings.sentAt).toBe(exchange.attempts[1]?.sentAt)
    expect(exchange.response?.status).toBe(200)
    expectNoSecret(JSON.stringify(exchange), h)
  })

  it('normalises the rate-limit headers to limits with absolute reset times', async () => {
    const h = instance()
    h.fake.enqueue({ text: ['Hi.'], headers: rateLimitHeaders(harness.provider) })
    const before = Date.now()
    const answer = await complete(base(), h.connection)
    const after = Date.now()
    const limits = answer.response?.response?.rateLimits
    if (harness.provider === 'anthropic') {
      const reset = Date.parse('2031-02-17T23:44:11Z')
      expect(limits).toEqual({
        requests: { limit: 50, remaining: 49, resetAt: reset },
        tokens: { limit: 90000, remaining: 89000, resetAt: reset },
        inputTokens: { limit: 80000, remaining: 79000, resetAt: reset },
        outputTokens: { limit: 10000, remaining: 9000, resetAt: reset },
      })
      return
    }
    expect(limits?.requests).toMatchObject({ limit: 50, remaining: 49 })
    expect(limits?.tokens).toMatchObject({ limit: 90000, remaining: 89000 })
    expect(limits?.requests?.resetAt).toBeGreaterThanOrEqual(before + 360_000)
    expect(limits?.requests?.resetAt).toBeLessThanOrEqual(after + 360_000)
    expect(limits?.tokens?.resetAt).toBeGreaterThanOrEqual(before + 20)
    expect(limits?.tokens?.resetAt).toBeLessThanOrEqual(after + 20)
  })

  it('calls onResponse once, before the first chunk, and the last chunk carries the raw events', async () => {
    const h = instance()
    h.fake.enqueue({ text: ['One', ', two'], usage: { input: 4, output: 2 } })
    const chunks: ChatCompletionChunk[] = []
    const seen: { chunks: number; exchange: Exchange }[] = []
    for await (const chunk of stream(base(), h.connection, {
      recordEvents: true,
      onResponse: (exchange) => {
        seen.push({ chunks: chunks.length, exchange })
        throw new Error('an observer cannot break the call')
      },
    })) {
      chunks.push(chunk)
    }
    expect(seen).toHaveLength(1)
    expect(seen[0]?.chunks).toBe(0)
    expect(seen[0]?.exchange.response?.status).toBe(200)
    expect(chunks.slice(0, -1).every((c) => c.response === undefined)).toBe(true)
    const exchange = chunks.at(-1)?.response as Exchange
    expect(exchange.response?.status).toBe(200)
    const events = exchange.events ?? []
    expect(events.length).toBeGreaterThanOrEqual(2)
    const times = events.map((e) => e.atMs)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(times[0]).toBeGreaterThanOrEqual(0)
    const raw = events.map((e) => `${e.data}${e.payload ?? ''}`).join('\n')
    expect(raw).toContain('One')
    expect(raw).toContain(', two')
    expect(exchange.timings.firstTokenMs).toBeGreaterThanOrEqual(0)
    expect(exchange.timings.lastTokenMs).toBeGreaterThanOrEqual(exchange.timings.firstTokenMs ?? 0)
    expectNoSecret(JSON.stringify(exchange), h)
  })

  it('calls onResponse for the error a stream ends with, and the error carries the exchange', async () => {
    const h = instance()
    h.fake.enqueue({ error: 'auth' })
    const seen: Exchange[] = []
    let error: unknown
    try {
      for await (const _ of stream(base(), h.connection, { onResponse: (e) => seen.push(e) })) {
        // nothing arrives
      }
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(LlmError)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.response?.status).toBe((error as LlmError).status)
    expect((error as LlmError).response?.attempts[0]?.error).toBe((error as LlmError).kind)
    expectNoSecret(JSON.stringify(seen), h)
  })

  if (harness.unsupportedParameter) {
    const { model, request, parameter } = harness.unsupportedParameter
    it('traces a field dropped under unsupported: drop, with its code', async () => {
      const h = instance()
      h.fake.enqueue({ text: ['Dropped.'] })
      const answer = await complete(
        { ...base({ model }), ...request } as ChatRequest,
        h.connection,
        {
          unsupported: 'drop',
        },
      )
      const dropped = answer.response?.fields.find((f) => f.field === parameter)
      expect(dropped?.action).toBe('dropped')
      expect(dropped?.code).toBe(answer.warnings?.[0]?.code)
      expect(h.fake.requests.at(-1)?.body).not.toContain(`"${parameter}"`)
    })
  }

  if (capabilities(harness.provider, harness.model).parameters.n.support === 'emulated') {
    it('traces n as emulated (parallel requests)', async () => {
      const h = instance()
      h.fake.enqueue({ text: ['A'] }, { text: ['B'] })
      const answer = await complete(base({ n: 2 }), h.connection)
      expect(answer.choices).toHaveLength(2)
      expect(answer.response?.fields.find((f) => f.field === 'n')?.action).toBe('emulated')
    })
  }
}
