import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Connection, ProviderId } from '@parallax/llm'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { setFallbackScript } from '../../../test/fakes/script-queue'
import { openaiRequestTokens } from '../../../test/e2e/support/openai-request-tokens'
import { solidPng } from '../../../test/e2e/support/solid-png'
import { openHistoryStore, type OpenedHistoryStore } from '../history'
import { createRunner } from '../runs/runner'
import { createEstimateService } from './estimate-service'
import { planEstimate } from './plan-estimate'

/**
 * The margin the estimate is held to against the input tokens of the request really sent: the
 * fake counts the body it received by OpenAI's recipe with word pieces (see
 * test/e2e/support/openai-request-tokens.ts), Parallax by characters ÷ 4.
 */
const MARGIN = 0.1

let dir: string
let history: OpenedHistoryStore
let fake: FakeServer
let connections: Record<string, Connection>
const providers: Record<string, ProviderId> = { openai: 'openai', claude: 'anthropic' }
const providerOf = (id: string) => providers[id] as ProviderId

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-estimate-'))
  history = openHistoryStore({ file: join(dir, 'history.db') })
  fake = await startOpenAIFake()
  connections = {
    openai: {
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    },
  }
  // Every request reports as its input tokens what its own body costs.
  setFallbackScript((ask) => ({
    text: ['An answer of a few words, enough to be history for the next turn.'],
    usage: { input: openaiRequestTokens(ask.body), output: 12 },
  }))
})
afterEach(async () => {
  setFallbackScript(null)
  history.close()
  await fake.close()
  rmSync(dir, { recursive: true, force: true })
})

function runner() {
  return createRunner({
    history,
    resolveConnection: (id) => Promise.resolve(connections[id] as Connection),
    emit: () => {},
    callOptions: { maxRetries: 0 },
  })
}

const SYSTEM =
  'You are a careful assistant. Answer in plain English, in short paragraphs, and say so when you are not sure of something.'
const FIRST =
  'I am planning a week of walking in the hills in late autumn. What should I pack, and how should I plan the days so that I am never caught out after dark?'
const SECOND = 'And what about this map? Is the route sensible?'

describe('runs.estimate', () => {
  it('equals the input tokens the request really sent, for a multi-turn chat with an image', async () => {
    const r = runner()
    const column = { connectionId: 'openai', provider: 'openai' as const, model: 'gpt-4.1-mini' }
    const first = r.startChat({ ...column, systemPrompt: SYSTEM, prompt: FIRST })
    await r.settled(first.runId)

    const images = [
      { mediaType: 'image/png' as const, data: solidPng(1024, 768).toString('base64') },
    ]
    const estimates = createEstimateService({ history, providerOf })
    const input = {
      conversationId: first.conversationId,
      parentMessageId: first.messageId,
      parentRunId: first.runId,
      systemPrompt: SYSTEM,
      text: SECOND,
      images,
      targets: [{ connectionId: 'openai', model: 'gpt-4.1-mini' }],
    }
    const [estimate] = (await estimates.estimate(input)).targets
    // The second turn as the page sends it.
    const second = r.startChat({ ...column, ...input, prompt: SECOND })
    const done = await r.settled(second.runId)

    const sent = fake.requests.at(-1)?.json as { messages: unknown[] }
    // The estimate counted the very messages the runner sent: system, history, prompt + image.
    const detail = history.getConversation(first.conversationId)
    const withoutDraft = {
      ...detail,
      messages: detail.messages.filter((m) => m.id !== second.messageId),
      runs: detail.runs.filter((run) => run.id !== second.runId),
    }
    const [planned] = planEstimate(input, withoutDraft, providerOf)
    expect(planned?.request.messages).toEqual(sent.messages)
    expect(sent.messages).toHaveLength(4)

    const real = done?.usage.tokensIn as number
    expect(real).toBe(openaiRequestTokens(sent))
    expect(estimate?.tokens).toBeGreaterThan(765) // more than the image alone
    expect(Math.abs((estimate?.tokens as number) - real) / real).toBeLessThanOrEqual(MARGIN)
    expect(estimate).toMatchObject({ exact: false, method: 'heuristic' })
    // gpt-4.1-mini has a catalog price: cost = tokens × input price.
    expect(estimate?.costUsd).toBeGreaterThan(0)
  })

  it('counts history and the system prompt, not only the new text', async () => {
    const r = runner()
    const first = r.startChat({
      connectionId: 'openai',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      systemPrompt: SYSTEM,
      prompt: FIRST,
    })
    await r.settled(first.runId)
    const estimates = createEstimateService({ history, providerOf })
    const targets = [{ connectionId: 'openai', model: 'gpt-4.1-mini' }]
    const alone = (await estimates.estimate({ text: SECOND, targets })).targets[0]?.tokens ?? 0
    const followUp =
      (await estimates.estimate({ conversationId: first.conversationId, text: SECOND, targets }))
        .targets[0]?.tokens ?? 0
    // Left out, the system prompt (an inherited one) and the first turn would cost nothing.
    expect(alone).toBe(3 + 3 + Math.ceil(SECOND.length / 4))
    expect(followUp).toBeGreaterThan(alone + Math.ceil((SYSTEM.length + FIRST.length) / 4))
  })

  it('estimates each target by its own rules when comparing', async () => {
    const estimates = createEstimateService({ history, providerOf })
    const images = [
      { mediaType: 'image/png' as const, data: solidPng(1024, 768).toString('base64') },
    ]
    const { targets } = await estimates.estimate({
      mode: 'compare',
      text: 'What is in this picture?',
      images,
      targets: [
        { connectionId: 'openai', model: 'gpt-4.1-mini' },
        { connectionId: 'claude', model: 'claude-sonnet-4-5' },
      ],
    })
    const text = 3 + 3 + Math.ceil('What is in this picture?'.length / 4)
    expect(targets.map((t) => [t.connectionId, t.tokens])).toEqual([
      ['openai', text + 765],
      ['claude', text + 1049],
    ])
  })

  it('on a comparison’s follow-up, counts each column’s own history, as compare.start sends it', async () => {
    const r = runner()
    const targets = [
      { connectionId: 'openai', provider: 'openai' as const, model: 'gpt-4.1-mini' },
      { connectionId: 'openai', provider: 'openai' as const, model: 'gpt-4o-mini' },
    ]
    setFallbackScript((ask) => ({
      text: [
        `The answer of ${ask.model}, which differs in length per column: ${'.'.repeat(ask.model.length * 10)}`,
      ],
      usage: { input: openaiRequestTokens(ask.body), output: 12 },
    }))
    const first = r.startComparison({ prompt: FIRST, systemPrompt: SYSTEM, targets })
    await Promise.all(first.runIds.map((id) => r.settled(id)))

    const estimates = createEstimateService({ history, providerOf })
    // No targets: a follow-up goes to the previous turn's columns.
    const { targets: counted } = await estimates.estimate({
      conversationId: first.conversationId,
      text: SECOND,
    })
    expect(counted.map((t) => t.model)).toEqual(['gpt-4.1-mini', 'gpt-4o-mini'])
    const before = history.getConversation(first.conversationId)
    const planned = planEstimate(
      { conversationId: first.conversationId, text: SECOND },
      before,
      providerOf,
    )

    const second = r.startComparison({ conversationId: first.conversationId, prompt: SECOND })
    const done = await Promise.all(second.runIds.map((id) => r.settled(id)))
    const sent = fake.requests
      .slice(-2)
      .map((q) => q.json as { model: string; messages: unknown[] })
    for (const [i, plan] of planned.entries()) {
      const request = sent.find((q) => q.model === plan.target.model)
      expect(plan.request.messages).toEqual(request?.messages)
      const real = done.find((d) => d?.runId === second.runIds[i])?.usage.tokensIn as number
      expect(Math.abs((counted[i]?.tokens as number) - real) / real).toBeLessThanOrEqual(MARGIN)
    }
    // gpt-4.1-mini, the longer id, got the longer answer: its history, and its count, are larger.
    expect(counted[0]?.tokens).toBeGreaterThan(counted[1]?.tokens as number)
  })
})
