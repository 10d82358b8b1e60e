import { expect, it } from 'vitest'
import { capabilities, complete, LlmError, stream } from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import { EXTRA_FIELDS, type ExtraField } from '../../packages/llm/src/request-fields'
import type {
  ChatCompletionChunk,
  ChatRequest,
  ParameterSupport,
} from '../../packages/llm/src/types'
import type { HarnessInstance, ProviderHarness } from './provider-harness'

/** A value each real API accepts for the field, and what else the request needs with it. */
const SAMPLES: Record<ExtraField, { value: unknown; with?: Partial<ChatRequest> }> = {
  audio: { value: { format: 'wav', voice: 'alloy' }, with: { modalities: ['text', 'audio'] } },
  function_call: { value: 'auto', with: { functions: [{ name: 'lookup' }] } },
  functions: { value: [{ name: 'lookup', parameters: { type: 'object', properties: {} } }] },
  logit_bias: { value: { '50256': -100 } },
  logprobs: { value: true },
  metadata: { value: { suite: 'contract' } },
  modalities: { value: ['text'] },
  moderation: { value: {} },
  parallel_tool_calls: {
    value: false,
    with: {
      tools: [
        {
          type: 'function',
          function: { name: 'lookup', parameters: { type: 'object', properties: {} } },
        },
      ],
    },
  },
  prediction: { value: { type: 'content', content: 'Hello' } },
  prompt_cache_key: { value: 'suite-1' },
  prompt_cache_options: { value: {} },
  prompt_cache_retention: { value: 'in_memory' },
  safety_identifier: { value: 'user-1' },
  service_tier: { value: 'auto' },
  store: { value: false },
  top_logprobs: { value: 2, with: { logprobs: true } },
  user: { value: 'user-1' },
  verbosity: { value: 'low' },
  web_search_options: { value: {} },
  top_k: { value: 5 },
  extra_body: { value: { guided_choice: ['yes', 'no'] } },
}

/** Where the field is in the provider's own request body, and with which value. */
function onTheWire(field: ExtraField, value: unknown, rule: ParameterSupport): [string, unknown][] {
  if (field === 'extra_body') return Object.entries(value as Record<string, unknown>)
  const sentAs =
    rule.support !== 'unsupported' && rule.noteCode === 'sent_as'
      ? rule.noteDetails?.field
      : undefined
  if (sentAs === undefined) return [[field, value]]
  // parallel_tool_calls: false is Anthropic's disable_parallel_tool_use: true.
  return [[sentAs, field === 'parallel_tool_calls' ? !value : value]]
}

function at(body: unknown, path: string): unknown {
  let node = body
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key]
  return node
}

async function collect(
  iterable: AsyncIterable<ChatCompletionChunk>,
): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

/**
 * Every request field beyond the form parameters, for the harness's model: mapped on the wire
 * where the rules say so, refused with `unsupported_parameter` and its code where they do not;
 * unknown names refused with the nearest valid name; the 'drop' policy with its warnings.
 */
export function runRequestFieldChecks(
  harness: ProviderHarness,
  instance: () => HarnessInstance,
): void {
  const base = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
    model: harness.model,
    messages: [{ role: 'user', content: 'Say hello.' }],
    max_tokens: 64,
    ...extra,
  })
  const rules = extraFieldRules(
    harness.provider,
    harness.model,
    capabilities(harness.provider, harness.model).parameters,
  )

  it.each(EXTRA_FIELDS.map((field) => [field, rules[field].support] as const))(
    'request field %s: %s',
    async (field) => {
      const h = instance()
      const rule = rules[field]
      const { value, with: needs } = SAMPLES[field]
      const request = base({ ...needs, [field]: value })
      if (rule.support === 'unsupported') {
        const error = await complete(request, h.connection).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(LlmError)
        const refused = error as LlmError
        expect(refused.kind).toBe('unsupported_parameter')
        expect([field, ...Object.keys(needs ?? {})]).toContain(refused.parameter)
        expect(refused.model).toBe(harness.model)
        expect(refused.provider).toBe(harness.provider)
        expect(h.fake.requests).toHaveLength(0)
        return
      }
      const completion = await complete(request, h.connection)
      expect(completion.choices[0]?.message.content).toBeTruthy()
      expect(h.fake.requests).toHaveLength(1)
      const body = h.fake.requests[0]?.json
      for (const [path, expected] of onTheWire(field, value, rule))
        expect(at(body, path), `${field} → ${path}`).toEqual(expected)
    },
  )

  it('refuses a misspelt field by name, with the nearest valid one, before any network call', async () => {
    const h = instance()
    const error = await complete(
      { ...base(), temprature: 0.5 } as unknown as ChatRequest,
      h.connection,
    ).then(
      () => undefined,
      (e: unknown) => e as LlmError,
    )
    expect(error).toBeInstanceOf(LlmError)
    expect(error).toMatchObject({
      kind: 'unsupported_parameter',
      code: 'unknown_parameter',
      parameter: 'temprature',
      details: { parameter: 'temprature', alternative: 'temperature' },
    })
    expect(error?.message).toContain('did you mean "temperature"?')
    expect(h.fake.requests).toHaveLength(0)
  })

  const refused = EXTRA_FIELDS.find(
    (field) => rules[field].support === 'unsupported' && SAMPLES[field].with === undefined,
  )
  if (refused === undefined) return

  it(`with unsupported: 'drop', leaves ${refused} out and says so on the completion`, async () => {
    const h = instance()
    const rule = rules[refused] as Extract<ParameterSupport, { support: 'unsupported' }>
    const completion = await complete(base({ [refused]: SAMPLES[refused].value }), h.connection, {
      unsupported: 'drop',
    })
    expect(completion.warnings).toEqual([
      { code: rule.code, parameter: refused, reason: rule.reason },
    ])
    expect(h.fake.requests).toHaveLength(1)
    expect(JSON.stringify(h.fake.requests[0]?.json)).not.toContain(`"${refused}"`)
  })

  it(`with unsupported: 'drop', names ${refused} on the last chunk of a stream`, async () => {
    const h = instance()
    const chunks = await collect(
      stream(base({ [refused]: SAMPLES[refused].value }), h.connection, { unsupported: 'drop' }),
    )
    const last = chunks.at(-1)
    expect(last?.warnings?.map((w) => w.parameter)).toEqual([refused])
    expect(last?.usage).toBeTruthy()
    expect(chunks.slice(0, -1).every((chunk) => chunk.warnings === undefined)).toBe(true)
  })
}
