import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  UNSUPPORTED_CODES,
  complete,
  listModels,
  LlmError,
  stream,
  type ChatCompletionChunk,
  type ChatRequest,
} from '../../packages/llm/src/index'
import type { FakeErrorKind } from '../fakes/fake-script'
import { runAnswerFactsChecks } from './answer-facts-suite'
import { errorSurfaces } from './error-surfaces'
import { runExchangeChecks } from './exchange-suite'
import { runNotAnAnswerChecks } from './not-an-answer-suite'
import { runRequestFieldChecks } from './request-fields-suite'
import type { HarnessInstance, ProviderHarness } from './provider-harness'

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

export async function collect(
  iterable: AsyncIterable<ChatCompletionChunk>,
): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

export async function caught(promise: Promise<unknown>): Promise<LlmError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError)
    return error as LlmError
  }
  throw new Error('expected the call to fail')
}

/** Streams, keeping what arrived before the failure. */
async function streamUntilError(iterable: AsyncIterable<ChatCompletionChunk>) {
  const chunks: ChatCompletionChunk[] = []
  try {
    for await (const chunk of iterable) chunks.push(chunk)
  } catch (error) {
    return { chunks, error }
  }
  return { chunks, error: undefined }
}

function textOf(chunks: ChatCompletionChunk[]): string {
  return chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')
}

/**
 * The behaviour every provider must show through the public API, against its fake server.
 */
export function runContractSuite(harness: ProviderHarness): void {
  describe(`${harness.label ?? harness.provider} contract`, () => {
    let h: HarnessInstance
    const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
      model: harness.model,
      messages: [{ role: 'user', content: 'Say hello.' }],
      max_tokens: 64,
      ...extra,
    })

    beforeAll(async () => {
      h = await harness.start()
    })
    afterAll(async () => {
      await h.close()
    })
    beforeEach(() => {
      h.fake.reset()
    })

    it('completes a text answer with usage and finish_reason stop', async () => {
      h.fake.enqueue({ text: ['Hello', ' there', '!'], usage: { input: 11, output: 3 } })
      const answer = await complete(request(), h.connection)
      expect(answer.object).toBe('chat.completion')
      expect(answer.choices).toHaveLength(1)
      expect(answer.choices[0]?.message).toMatchObject({
        role: 'assistant',
        content: 'Hello there!',
      })
      expect(answer.choices[0]?.finish_reason).toBe('stop')
      expect(answer.usage).toMatchObject({
        prompt_tokens: 11,
        completion_tokens: 3,
        total_tokens: 14,
      })
      expect(h.fake.requests).toHaveLength(1)
      expect(h.fake.requests[0]?.authorized).toBe(true)
    })

    it('lists models through the provider’s own API, merged with the catalog', async () => {
      const models = await listModels(h.connection)
      expect(models.length).toBeGreaterThan(0)
      for (const model of models) {
        expect(model.provider).toBe(harness.provider)
        expect(model.capabilities.model).toBe(model.id)
        expect(model.label.length).toBeGreaterThan(0)
      }
      expect(models.some((model) => model.capabilities.known)).toBe(true)
      // Azure deployments cannot be listed with a data-plane key: the catalog suggests instead.
      expect(models.some((model) => model.listed)).toBe(harness.provider !== 'azure')
      if (harness.provider !== 'azure') {
        const error = await caught(listModels(h.badConnection))
        expect(['auth', 'permission']).toContain(error.kind)
      }
    })

    it('streams chunks that assemble into the answer, usage on the last chunk', async () => {
      h.fake.enqueue({ text: ['One', ', two', ', three.'], usage: { input: 7, output: 4 } })
      const chunks = await collect(stream(request(), h.connection))
      expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true)
      expect(textOf(chunks)).toBe('One, two, three.')
      expect(chunks.find((c) => c.choices[0]?.delta.role === 'assistant')).toBeDefined()
      const finish = chunks.flatMap((c) => c.choices).find((c) => c.finish_reason !== null)
      expect(finish?.finish_reason).toBe('stop')
      const last = chunks.at(-1)
      expect(last?.usage).toMatchObject({
        prompt_tokens: 7,
        completion_tokens: 4,
        total_tokens: 11,
      })
      expect(chunks.slice(0, -1).every((c) => !c.usage)).toBe(true)
    })

    it.each(['length', 'content_filter'] as const)('maps finish reason %s', async (reason) => {
      h.fake.enqueue({ text: ['Partial'], finishReason: reason, usage: { input: 3, output: 1 } })
      const answer = await complete(request(), h.connection)
      expect(answer.choices[0]?.finish_reason).toBe(reason)
      h.fake.enqueue({ text: ['Partial'], finishReason: reason, usage: { input: 3, output: 1 } })
      const chunks = await collect(stream(request(), h.connection))
      expect(chunks.flatMap((c) => c.choices).find((c) => c.finish_reason)?.finish_reason).toBe(
        reason,
      )
    })

    it('returns tool calls, complete and streamed, with finish_reason tool_calls', async () => {
      const tools: ChatRequest['tools'] = [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
          },
        },
      ]
      const script = {
        toolCalls: [
          { id: 'call_1', name: 'get_weather', argumentFragments: ['{"ci', 'ty": "Se', 'oul"}'] },
        ],
        usage: { input: 20, output: 9 },
      }
      h.fake.enqueue(script)
      const answer = await complete(request({ tools }), h.connection)
      const call = answer.choices[0]?.message.tool_calls?.[0]
      expect(answer.choices[0]?.finish_reason).toBe('tool_calls')
      expect(call?.type).toBe('function')
      expect(call?.function.name).toBe('get_weather')
      expect(JSON.parse(call?.function.arguments ?? '')).toEqual({ city: 'Seoul' })
      expect(call?.id).toBeTruthy()

      h.fake.enqueue(script)
      const chunks = await collect(stream(request({ tools }), h.connection))
      const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? [])
      expect(deltas[0]?.function?.name).toBe('get_weather')
      expect(deltas[0]?.id).toBeTruthy()
      const args = deltas
        .filter((d) => d.index === 0)
        .map((d) => d.function?.arguments ?? '')
        .join('')
      expect(JSON.parse(args)).toEqual({ city: 'Seoul' })
      expect(chunks.flatMap((c) => c.choices).find((c) => c.finish_reason)?.finish_reason).toBe(
        'tool_calls',
      )

      // The tool result goes back in the next turn.
      h.fake.enqueue({ text: ['Sunny.'] })
      const followUp = await complete(
        request({
          tools,
          messages: [
            { role: 'user', content: 'Weather in Seoul?' },
            {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: call?.id ?? 'x',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city":"Seoul"}' },
                },
              ],
            },
            { role: 'tool', tool_call_id: call?.id ?? 'x', content: '{"sky":"sunny"}' },
          ],
        }),
        h.connection,
      )
      expect(followUp.choices[0]?.message.content).toBe('Sunny.')
      expect(h.fake.requests.at(-1)?.body).toContain('sunny')
    })

    it('sends images (data URLs) in the provider’s own form', async () => {
      h.fake.enqueue({ text: ['A pixel.'] })
      await complete(
        request({
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'What is this?' },
                { type: 'image_url', image_url: { url: TINY_PNG } },
              ],
            },
          ],
        }),
        h.connection,
      )
      const sent = h.fake.requests[0]?.body ?? ''
      expect(sent).toContain(TINY_PNG.split(',')[1]?.slice(0, 40))
      if (harness.imagesAsDataUrl) expect(sent).toContain(TINY_PNG)
      else expect(sent).not.toContain('data:image/png;base64,')
    })

    it('serves n > 1 as separate choices', async () => {
      h.fake.enqueue({ text: ['A'], times: 1 }, { text: ['B'], times: 1 })
      const answer = await complete(request({ n: 2 }), h.connection)
      expect(answer.choices.map((c) => c.index)).toEqual([0, 1])
      expect(answer.choices.every((c) => typeof c.message.content === 'string')).toBe(true)
    })

    if (harness.reasoningModel) {
      it('streams reasoning as delta.reasoning_content', async () => {
        h.fake.enqueue({
          reasoning: ['Let me', ' think.'],
          text: ['42'],
          usage: { input: 5, output: 30, reasoning: 20 },
        })
        const chunks = await collect(
          stream(
            request({
              model: harness.reasoningModel,
              ...(harness.reasoningRequest ?? { thinking_budget: 2048, max_tokens: 4096 }),
            }),
            h.connection,
          ),
        )
        const reasoning = chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')
        expect(reasoning).toBe('Let me think.')
        expect(textOf(chunks)).toBe('42')
      })
    }

    runRequestFieldChecks(harness, () => h)
    runExchangeChecks(harness, () => h)
    runAnswerFactsChecks(harness, () => h)
    runNotAnAnswerChecks(harness, () => h)

    if (harness.unsupportedParameter) {
      const { model, request: extra, parameter } = harness.unsupportedParameter
      it(`refuses ${parameter} before any network call`, async () => {
        const error = await caught(complete(request({ model, ...extra }), h.connection))
        expect(error.kind).toBe('unsupported_parameter')
        expect(error.parameter).toBe(parameter)
        expect(error.model).toBe(model)
        expect(UNSUPPORTED_CODES).toContain(error.code)
        expect(error.message).toContain(parameter)
        expect(error.message).toContain(model)
        expect(h.fake.requests).toHaveLength(0)
      })
    }

    const kinds: FakeErrorKind[] = [
      'auth',
      'permission',
      'rate_limit',
      'quota',
      'context_length',
      'invalid_request',
      'not_found',
      'content_filter',
      'overloaded',
      'server',
    ]
    it.each(kinds)('maps the provider’s real %s error', async (kind) => {
      h.fake.enqueue({ error: kind, times: 5 })
      const error = await caught(complete(request(), h.connection, { maxRetries: 0 }))
      expect(error.kind).toBe(kind)
      expect(error.provider).toBe(harness.provider)
      expect(error.message.length).toBeGreaterThan(0)
      if (kind !== 'content_filter') expect(error.status).toBeGreaterThanOrEqual(400)
      for (const secret of h.secrets) expect(errorSurfaces(error)).not.toContain(secret)
    })

    it('refuses wrong credentials with kind auth and never leaks them', async () => {
      const error = await caught(complete(request(), h.badConnection))
      expect(['auth', 'permission']).toContain(error.kind)
      for (const secret of [...h.secrets, ...secretsOfBad(h)]) {
        expect(errorSurfaces(error)).not.toContain(secret)
      }
    })

    it('retries a 429 honouring retry-after, then succeeds', async () => {
      h.fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 1 }, { text: ['ok'] })
      const started = Date.now()
      const answer = await complete(request(), h.connection, { maxRetries: 2 })
      expect(answer.choices[0]?.message.content).toBe('ok')
      expect(h.fake.requests).toHaveLength(2)
      const waited = (h.fake.requests[1]?.at ?? 0) - (h.fake.requests[0]?.at ?? 0)
      expect(waited).toBeGreaterThanOrEqual(900)
      expect(Date.now() - started).toBeLessThan(8000)
    })

    it('does not retry an exhausted quota', async () => {
      h.fake.enqueue({ error: 'quota', times: 3 })
      const error = await caught(complete(request(), h.connection, { maxRetries: 2 }))
      expect(error.kind).toBe('quota')
      expect(h.fake.requests).toHaveLength(1)
    })

    it('returns a retry-after longer than 60 s as the error instead of sleeping', async () => {
      h.fake.enqueue({ error: 'rate_limit', retryAfterSeconds: 120, times: 3 })
      const started = Date.now()
      const error = await caught(complete(request(), h.connection, { maxRetries: 2 }))
      expect(error.kind).toBe('rate_limit')
      expect(error.retryAfterMs).toBe(120_000)
      expect(Date.now() - started).toBeLessThan(2000)
      expect(h.fake.requests).toHaveLength(1)
    })

    it('aborts within 100 ms with kind aborted', async () => {
      h.fake.enqueue({ text: ['slow', 'slow', 'slow'], delayMs: 2000 })
      const controller = new AbortController()
      const pending = collect(stream(request(), h.connection, { signal: controller.signal }))
      await new Promise((r) => setTimeout(r, 150))
      const started = Date.now()
      controller.abort()
      const error = await caught(pending)
      expect(error.kind).toBe('aborted')
      expect(Date.now() - started).toBeLessThan(100)
    })

    it('raises an error after the chunks when the stream is cut mid-way', async () => {
      h.fake.enqueue({ text: ['a', 'b', 'c', 'd'], cutAfterEvents: 2 })
      const { chunks, error } = await streamUntilError(
        stream(request(), h.connection, { maxRetries: 0 }),
      )
      expect(textOf(chunks)).toBe('ab')
      expect(error).toBeInstanceOf(LlmError)
      expect(['network', 'server']).toContain((error as LlmError).kind)
    })

    it('refuses a single 10 MB stream event with a clear error, keeping the text before it', async () => {
      h.fake.enqueue({ text: ['Hello ', 'world', 'x'.repeat(10 * 1024 * 1024), 'after'] })
      const { chunks, error } = await streamUntilError(
        stream(request(), h.connection, { maxRetries: 0 }),
      )
      expect(textOf(chunks)).toBe('Hello world')
      expect(error).toBeInstanceOf(LlmError)
      expect((error as LlmError).code).toBe('event_too_large')
      expect((error as LlmError).message).toMatch(
        /single stream event of .*MiB; the limit is \d+ MiB/,
      )
    })

    it('raises an in-stream error event after a 200 as an error, never a quiet end', async () => {
      h.fake.enqueue({ text: ['a', 'b', 'c'], errorEventAfterEvents: 1 })
      const { chunks, error } = await streamUntilError(
        stream(request(), h.connection, { maxRetries: 0 }),
      )
      expect(textOf(chunks)).toBe('a')
      expect(error).toBeInstanceOf(LlmError)
      // The provider said what went wrong: that is its error, not a network failure.
      expect((error as LlmError).kind).not.toBe('network')
    })

    it('times out a stalled stream with kind timeout', async () => {
      h.fake.enqueue({ text: ['a', 'b', 'c'], stallAfterEvents: 1 })
      const { chunks, error } = await streamUntilError(
        stream(request(), h.connection, { idleTimeoutMs: 400, maxRetries: 0 }),
      )
      expect(textOf(chunks)).toBe('a')
      expect((error as LlmError).kind).toBe('timeout')
    })

    it('never retries once a stream yielded content', async () => {
      h.fake.enqueue({ text: ['a', 'b'], cutAfterEvents: 1 }, { text: ['fresh'] })
      const { error } = await streamUntilError(stream(request(), h.connection, { maxRetries: 2 }))
      expect(error).toBeInstanceOf(LlmError)
      expect(h.fake.requests).toHaveLength(1)
    })
  })
}

function secretsOfBad(h: HarnessInstance): string[] {
  const record = h.badConnection as unknown as Record<string, unknown>
  return ['apiKey', 'secretAccessKey', 'sessionToken']
    .map((k) => record[k])
    .filter((v): v is string => typeof v === 'string' && v.length >= 6)
}
