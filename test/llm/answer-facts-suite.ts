import { expect, it } from 'vitest'
import { capabilities, complete, stream } from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import type {
  Annotation,
  ChatCompletionChunk,
  ChatRequest,
  FinishReason,
  ProviderId,
} from '../../packages/llm/src/types'
import type { FakeFacts } from '../fakes/fake-facts'
import type { HarnessInstance, ProviderHarness } from './provider-harness'

type Family = 'openai' | 'anthropic' | 'bedrock' | 'google'

const FAMILY: Partial<Record<string, Family>> = {
  openai: 'openai',
  azure: 'openai',
  'openai-compatible': 'openai',
  anthropic: 'anthropic',
  bedrock: 'bedrock',
  gemini: 'google',
  vertex: 'google',
}

/** The finish reason each API sends for a plain answer. */
const PLAIN_FINISH: Record<Family, string> = {
  openai: 'stop',
  anthropic: 'end_turn',
  bedrock: 'end_turn',
  google: 'STOP',
}

/** A raw finish reason the normalised one loses, per provider, and what it normalises to. */
const RAW_FINISH: Record<ProviderId, { wire: string; finish: FinishReason }> = {
  openai: { wire: 'content_filter', finish: 'content_filter' },
  azure: { wire: 'content_filter', finish: 'content_filter' },
  'openai-compatible': { wire: 'eos', finish: 'stop' },
  anthropic: { wire: 'refusal', finish: 'content_filter' },
  bedrock: { wire: 'guardrail_intervened', finish: 'content_filter' },
  gemini: { wire: 'MALFORMED_FUNCTION_CALL', finish: 'stop' },
  vertex: { wire: 'MALFORMED_FUNCTION_CALL', finish: 'stop' },
}

const TOKENS: NonNullable<FakeFacts['logprobs']> = [
  {
    token: 'Hel',
    logprob: -0.25,
    top: [
      { token: 'Hel', logprob: -0.25 },
      { token: 'Hi', logprob: -1.75 },
    ],
  },
  {
    token: 'lo',
    logprob: -0.5,
    top: [
      { token: 'lo', logprob: -0.5 },
      { token: 'p', logprob: -2.5 },
    ],
  },
]

const CITED_TEXT = 'Paris is the capital of France.'
const SOURCE = { url: 'https://example.org/paris', title: 'Paris' }

async function collect(
  iterable: AsyncIterable<ChatCompletionChunk>,
): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

function finishChoice(chunks: ChatCompletionChunk[]) {
  return chunks.flatMap((c) => c.choices).find((c) => c.finish_reason !== null)
}

/**
 * The answer's facts beyond its text, kept for every provider against its fake: the provider's
 * own finish reason beside the normalised one, logprobs where the API gives them, citations and
 * grounding as annotations, safety ratings, refusals and reasoning tokens where reported.
 */
export function runAnswerFactsChecks(
  harness: ProviderHarness,
  instance: () => HarnessInstance,
): void {
  // A provider outside the built-in seven (a plugin) is held to what every provider must do.
  const family = FAMILY[harness.provider]
  const request = (extra: Partial<ChatRequest> = {}): ChatRequest => ({
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

  it('gives the provider’s own finish reason on the choice that finishes, and only there', async () => {
    const h = instance()
    h.fake.enqueue({ text: ['Hi'] }, { text: ['Hi'] })
    const wire = family ? PLAIN_FINISH[family] : expect.stringMatching(/.+/)
    const plain = await complete(request(), h.connection)
    expect(plain.choices[0]).toMatchObject({ finish_reason: 'stop', provider_finish_reason: wire })
    const chunks = await collect(stream(request(), h.connection))
    expect(finishChoice(chunks)).toMatchObject({
      finish_reason: 'stop',
      provider_finish_reason: wire,
    })
    const others = chunks.flatMap((c) => c.choices).filter((c) => c.finish_reason === null)
    expect(others.every((c) => c.provider_finish_reason === undefined)).toBe(true)
  })

  if (!family) return
  const raw = RAW_FINISH[harness.provider as ProviderId]

  it(`keeps ${raw.wire} as the provider’s finish reason beside ${raw.finish}`, async () => {
    const h = instance()
    const script = { text: ['Hi'], facts: { providerFinishReason: raw.wire } }
    h.fake.enqueue(script, script)
    const answer = await complete(request(), h.connection)
    expect(answer.choices[0]).toMatchObject({
      finish_reason: raw.finish,
      provider_finish_reason: raw.wire,
    })
    const chunks = await collect(stream(request(), h.connection))
    expect(finishChoice(chunks)).toMatchObject({
      finish_reason: raw.finish,
      provider_finish_reason: raw.wire,
    })
  })

  if (rules.logprobs.support !== 'unsupported') {
    it('keeps the tokens’ log probabilities when asked for', async () => {
      const h = instance()
      const script = { text: ['Hel', 'lo'], facts: { logprobs: TOKENS } }
      h.fake.enqueue(script, script)
      const asked = request({ logprobs: true, top_logprobs: 2 })
      const expected = TOKENS.map((t) => ({
        token: t.token,
        logprob: t.logprob,
        top_logprobs: t.top?.map((alt) => ({ token: alt.token, logprob: alt.logprob })),
      }))
      const answer = await complete(asked, h.connection)
      expect(answer.choices[0]?.logprobs?.content).toMatchObject(expected)
      const chunks = await collect(stream(asked, h.connection))
      const streamed = chunks.flatMap((c) => c.choices.flatMap((x) => x.logprobs?.content ?? []))
      expect(streamed).toMatchObject(expected)
    })
  }

  it('keeps citations and grounding as url_citation annotations', async () => {
    const h = instance()
    const script = { text: [CITED_TEXT], facts: { citations: [SOURCE] } }
    h.fake.enqueue(script, script)
    const expected = {
      type: 'url_citation',
      url_citation: { ...SOURCE, start_index: 0, end_index: CITED_TEXT.length },
    }
    const answer = await complete(request(), h.connection)
    expect(answer.choices[0]?.message.content).toBe(CITED_TEXT)
    expect(answer.choices[0]?.message.annotations).toMatchObject([expected])
    const chunks = await collect(stream(request(), h.connection))
    const streamed: Annotation[] = chunks.flatMap((c) =>
      c.choices.flatMap((x) => x.delta.annotations ?? []),
    )
    expect(streamed).toMatchObject([expected])
  })

  if (family === 'google') {
    it('keeps the answer’s safety ratings', async () => {
      const h = instance()
      const ratings = [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'NEGLIGIBLE' }]
      const script = { text: ['Hi'], facts: { safetyRatings: ratings } }
      h.fake.enqueue(script, script)
      const answer = await complete(request(), h.connection)
      expect(answer.choices[0]?.safety).toEqual({ ratings })
      const chunks = await collect(stream(request(), h.connection))
      expect(finishChoice(chunks)?.safety).toEqual({ ratings })
    })
  }

  if (family === 'openai') {
    it('keeps the model’s refusal', async () => {
      const h = instance()
      const refusal = 'I can’t help with that.'
      const script = { text: [], facts: { refusal } }
      h.fake.enqueue(script, script)
      const answer = await complete(request(), h.connection)
      expect(answer.choices[0]?.message.refusal).toBe(refusal)
      const chunks = await collect(stream(request(), h.connection))
      expect(chunks.map((c) => c.choices[0]?.delta.refusal ?? '').join('')).toBe(refusal)
    })
  }

  it(
    family === 'bedrock'
      ? 'reports no reasoning-token count (Converse has none)'
      : 'counts reasoning tokens as the provider reports them',
    async () => {
      const h = instance()
      h.fake.enqueue({ text: ['Hi'], usage: { input: 5, output: 9, reasoning: 6 } })
      const answer = await complete(request(), h.connection)
      const reasoning = answer.usage?.completion_tokens_details?.reasoning_tokens
      expect(reasoning).toBe(family === 'bedrock' ? undefined : 6)
    },
  )
}
