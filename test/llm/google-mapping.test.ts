import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  capabilities,
  complete,
  stream,
  type ChatRequest,
  type Connection,
} from '../../packages/llm/src/index'
import { mapGoogleFinishReason } from '../../packages/llm/src/providers/google/map-google-finish-reason'
import { startGoogleFake, type GoogleFakeServer } from '../fakes/google/google-fake'
import { caught, collect } from './contract-suite'

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

let fake: GoogleFakeServer
let gemini: Connection
let vertex: Connection

beforeAll(async () => {
  fake = await startGoogleFake()
  gemini = { provider: 'gemini', apiKey: fake.apiKey, baseURL: fake.url }
  vertex = {
    provider: 'vertex',
    project: 'proj-1',
    location: 'europe-west4',
    serviceAccountJson: fake.serviceAccount.text,
    baseURL: fake.url,
  }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

type Sent = {
  contents: { role: string; parts: Record<string, unknown>[] }[]
  systemInstruction?: { parts: { text: string }[] }
  tools?: { functionDeclarations: Record<string, unknown>[] }[]
  toolConfig?: unknown
  generationConfig?: Record<string, unknown>
}
const sent = (): Sent => fake.requests.at(-1)?.json as Sent
const req = (extra: Partial<ChatRequest>): ChatRequest => ({
  model: 'gemini-2.5-flash',
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
})

describe('Google request mapping (as the fake received it)', () => {
  it('puts system text in systemInstruction, assistant turns under role model, and sends the key header', async () => {
    await complete(
      req({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'developer', content: [{ type: 'text', text: 'Use English.' }] },
          { role: 'user', content: 'Again' },
        ],
      }),
      gemini,
    )
    const body = sent()
    expect(body.systemInstruction?.parts).toEqual([{ text: 'Be brief.' }, { text: 'Use English.' }])
    expect(body.contents.map((c) => c.role)).toEqual(['user', 'model', 'user'])
    expect(body.contents[1]?.parts).toEqual([{ text: 'Hello!' }])
    const request = fake.requests.at(-1)
    expect(request?.url).toBe('/v1/models/gemini-2.5-flash:generateContent')
    expect(request?.headers['x-goog-api-key']).toBe(fake.apiKey)
    expect(request?.headers.authorization).toBeUndefined()
  })

  it('maps images: data URLs to inlineData, https URLs to fileData', async () => {
    await complete(
      req({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Compare' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.webp?size=2' } },
            ],
          },
        ],
      }),
      gemini,
    )
    expect(sent().contents[0]?.parts).toEqual([
      { text: 'Compare' },
      { inlineData: { mimeType: 'image/png', data: PNG } },
      { fileData: { fileUri: 'https://example.com/cat.webp?size=2', mimeType: 'image/webp' } },
    ])
  })

  it('maps generation parameters, tools, tool_choice and a JSON schema', async () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }
    await complete(
      req({
        max_tokens: 300,
        temperature: 0.2,
        top_p: 0.9,
        stop: 'END',
        seed: 7,
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', description: 'Weather', parameters: schema },
          },
        ],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        response_format: { type: 'json_schema', json_schema: { name: 'out', schema } },
      }),
      gemini,
    )
    const body = sent()
    expect(body.generationConfig).toMatchObject({
      maxOutputTokens: 300,
      temperature: 0.2,
      topP: 0.9,
      stopSequences: ['END'],
      seed: 7,
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    })
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          { name: 'get_weather', description: 'Weather', parametersJsonSchema: schema },
        ],
      },
    ])
    expect(body.toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    })

    await complete(req({ tool_choice: 'none', response_format: { type: 'json_object' } }), gemini)
    expect(sent().toolConfig).toEqual({ functionCallingConfig: { mode: 'NONE' } })
    expect(sent().generationConfig?.responseMimeType).toBe('application/json')
  })

  it('maps thinking: budget, effort as a budget (2.5) or a thinkingLevel (3), thoughts included', async () => {
    await complete(req({ model: 'gemini-2.5-pro', thinking_budget: 2048 }), gemini)
    expect(sent().generationConfig?.thinkingConfig).toEqual({
      thinkingBudget: 2048,
      includeThoughts: true,
    })
    await complete(req({ model: 'gemini-2.5-flash', reasoning_effort: 'medium' }), gemini)
    expect(sent().generationConfig?.thinkingConfig).toEqual({
      thinkingBudget: 8192,
      includeThoughts: true,
    })
    await complete(req({ model: 'gemini-2.5-flash', reasoning_effort: 'minimal' }), gemini)
    expect(sent().generationConfig?.thinkingConfig).toEqual({
      thinkingBudget: 0,
      includeThoughts: false,
    })
    await complete(req({ model: 'gemini-3-flash-preview', reasoning_effort: 'low' }), gemini)
    expect(sent().generationConfig?.thinkingConfig).toEqual({
      thinkingLevel: 'LOW',
      includeThoughts: true,
    })
    const both = await caught(
      complete(
        req({ model: 'gemini-3-flash-preview', reasoning_effort: 'low', thinking_budget: 100 }),
        gemini,
      ),
    )
    expect(both.kind).toBe('invalid_request')
  })

  it('sends tool calls and results back as functionCall / functionResponse parts', async () => {
    fake.enqueue({
      toolCalls: [
        { name: 'lookup', argumentFragments: ['{"q":"x"}'] },
        { name: 'clock', argumentFragments: ['{}'] },
      ],
    })
    const first = await complete(req({ model: 'gemini-3-flash-preview' }), gemini)
    const calls = first.choices[0]?.message.tool_calls ?? []
    expect(calls.map((c) => c.function.name)).toEqual(['lookup', 'clock'])
    const signatures: string[] = []
    await complete(
      req({
        model: 'gemini-3-flash-preview',
        messages: [
          { role: 'user', content: 'Go' },
          { role: 'assistant', content: null, tool_calls: calls },
          { role: 'tool', tool_call_id: calls[0]?.id ?? '', content: '{"hits":3}' },
          { role: 'tool', tool_call_id: calls[1]?.id ?? '', content: '12:00' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: 'call_from_elsewhere',
                type: 'function',
                function: { name: 'clock', arguments: '{}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'call_from_elsewhere', content: '13:00' },
        ],
      }),
      gemini,
    )
    const contents = sent().contents
    expect(contents.map((c) => c.role)).toEqual(['user', 'model', 'user', 'model', 'user'])
    for (const part of contents[1]?.parts ?? []) signatures.push(String(part.thoughtSignature))
    expect(signatures.every((s) => s.length > 40)).toBe(true)
    expect(contents[1]?.parts[0]).toMatchObject({
      functionCall: { name: 'lookup', args: { q: 'x' } },
    })
    expect(contents[2]?.parts).toEqual([
      { functionResponse: { name: 'lookup', response: { hits: 3 } } },
      { functionResponse: { name: 'clock', response: { output: '12:00' } } },
    ])
    // A call this process never saw gets Google's documented placeholder signature.
    expect(contents[3]?.parts[0]?.thoughtSignature).toBe('skip_thought_signature_validator')
  })

  it('maps usage details: cached and reasoning tokens, completion includes thoughts', async () => {
    fake.enqueue({
      reasoning: ['Hmm.'],
      text: ['Done'],
      usage: { input: 100, output: 40, reasoning: 30, cachedInput: 64 },
    })
    const answer = await complete(req({ model: 'gemini-2.5-pro' }), gemini)
    expect(answer.choices[0]?.message).toMatchObject({ content: 'Done', reasoning_content: 'Hmm.' })
    expect(answer.usage).toEqual({
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      prompt_tokens_details: { cached_tokens: 64 },
      completion_tokens_details: { reasoning_tokens: 30 },
    })
  })

  it('calls Vertex on the project path with the exchanged bearer token', async () => {
    const chunks = await collect(stream(req({}), vertex))
    expect(chunks.length).toBeGreaterThan(1)
    const request = fake.requests.at(-1)
    expect(request?.url).toBe(
      '/v1beta1/projects/proj-1/locations/europe-west4/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
    )
    expect(request?.headers.authorization).toBe(`Bearer ${fake.tokens.issued.at(-1)}`)
    expect(request?.headers['x-goog-api-key']).toBeUndefined()
  })

  it('gives hints for a disabled API and refuses a blocked prompt as content_filter', async () => {
    fake.enqueue({ error: 'permission' })
    const denied = await caught(complete(req({}), vertex, { maxRetries: 0 }))
    expect(denied.kind).toBe('permission')
    expect(denied.hint).toMatch(/Enable the Vertex AI API/)
    fake.enqueue({ error: 'content_filter' })
    const blocked = await caught(collect(stream(req({}), gemini)))
    expect(blocked.kind).toBe('content_filter')
  })
})

describe('Google capabilities and finish reasons', () => {
  it('marks penalties unsupported and n emulated; thinking ranges per model', () => {
    const flash = capabilities('gemini', 'gemini-2.5-flash')
    expect(flash.known).toBe(true)
    expect(flash.parameters.presence_penalty.support).toBe('unsupported')
    expect(flash.parameters.n.support).toBe('emulated')
    expect(capabilities('vertex', 'gemini-2.5-pro').parameters.thinking_budget).toMatchObject({
      min: 128,
      max: 32_768,
    })
    expect(capabilities('gemini', 'models/gemini-3-flash-preview').known).toBe(true)
    expect(capabilities('gemini', 'gemini-3-flash-preview').price?.inputPerMTok).toBe(0.5)
  })

  it.each([
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool_calls'],
    ['MAX_TOKENS', false, 'length'],
    ['SAFETY', false, 'content_filter'],
    ['RECITATION', false, 'content_filter'],
    ['BLOCKLIST', false, 'content_filter'],
    ['PROHIBITED_CONTENT', false, 'content_filter'],
    ['SPII', false, 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'stop'],
  ] as const)('%s (tool calls: %s) → %s', (reason, tools, expected) => {
    expect(mapGoogleFinishReason(reason, tools)).toBe(expected)
  })
})
