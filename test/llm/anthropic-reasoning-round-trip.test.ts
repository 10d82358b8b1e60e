import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complete, LlmError, stream } from '../../packages/llm/src/index'
import type {
  ChatMessage,
  ChatRequest,
  Connection,
  ReasoningDetail,
} from '../../packages/llm/src/index'
import { FAKE_SIGNATURE } from '../fakes/claude-thinking'
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from '../fakes/anthropic/anthropic-fake'
import type { FakeServer } from '../fakes/fake-script'

let fake: FakeServer
let connection: Connection

beforeAll(async () => {
  fake = await startAnthropicFake()
  connection = { provider: 'anthropic', apiKey: ANTHROPIC_FAKE_KEY, baseURL: fake.url }
})
afterAll(() => fake.close())

const tools: ChatRequest['tools'] = [
  {
    type: 'function',
    function: { name: 'weather', parameters: { type: 'object', properties: {} } },
  },
]
const ask: ChatRequest = {
  model: 'claude-sonnet-4-6',
  messages: [{ role: 'user', content: 'Weather in Seoul?' }],
  tools,
  max_tokens: 4000,
  thinking_budget: 2048,
}
const thinkingTurn = {
  reasoning: ['I should ', 'call the tool.'],
  toolCalls: [{ id: 'toolu_01Weather', name: 'weather', argumentFragments: ['{}'] }],
}

/** The follow-up turn: the assistant's tool call (with what it kept) and the tool result. */
function followUp(details: ReasoningDetail[] | undefined): ChatRequest {
  const messages: ChatMessage[] = [
    ...ask.messages,
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'toolu_01Weather', type: 'function', function: { name: 'weather', arguments: '{}' } },
      ],
      ...(details ? { reasoning_details: details } : {}),
    },
    { role: 'tool', tool_call_id: 'toolu_01Weather', content: 'Sunny, 21°C' },
  ]
  return { ...ask, messages }
}

const lastBody = () => fake.requests.at(-1)?.json as { messages: { content: unknown }[] }

describe('Anthropic reasoning round trip (signed thinking on a tool-call turn)', () => {
  it('streams the signed thinking as reasoning_details and sends it back first in the turn', async () => {
    fake.enqueue(thinkingTurn)
    let details: ReasoningDetail[] | undefined
    for await (const chunk of stream(ask, connection, { maxRetries: 0 })) {
      details ??= chunk.choices[0]?.delta.reasoning_details
    }
    expect(details).toEqual([
      {
        type: 'reasoning.text',
        text: 'I should call the tool.',
        signature: FAKE_SIGNATURE,
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ])

    fake.enqueue({ text: ['It is sunny.'] })
    const answer = await complete(followUp(details), connection, { maxRetries: 0 })
    expect(answer.choices[0]?.message.content).toBe('It is sunny.')
    expect(lastBody().messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'I should call the tool.', signature: FAKE_SIGNATURE },
      { type: 'tool_use', id: 'toolu_01Weather', name: 'weather', input: {} },
    ])
  })

  it('keeps redacted thinking from a complete() answer and sends it back as redacted_thinking', async () => {
    fake.enqueue(thinkingTurn)
    const first = await complete(ask, connection, { maxRetries: 0 })
    const details = first.choices[0]?.message.reasoning_details ?? []
    const redacted: ReasoningDetail = {
      type: 'reasoning.encrypted',
      data: 'EqkECkYIBxgC',
      format: 'anthropic-claude-v1',
      index: 1,
    }
    fake.enqueue({ text: ['Done.'] })
    await complete(followUp([...details, redacted]), connection, { maxRetries: 0 })
    const sent = lastBody().messages[1]?.content as { type: string }[]
    expect(sent.map((block) => block.type)).toEqual(['thinking', 'redacted_thinking', 'tool_use'])
  })

  it('gets the API 400 when the signed block is left out, and never sends another format', async () => {
    const error = await complete(followUp(undefined), connection, { maxRetries: 0 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).status).toBe(400)
    expect((error as LlmError).message).toMatch(/Expected `thinking` or `redacted_thinking`/)

    const gemini: ReasoningDetail = {
      type: 'reasoning.encrypted',
      data: 'CiQB0e2Kb-gemini-signature',
      format: 'google-gemini-v1',
      index: 0,
      id: 'toolu_01Weather',
    }
    const refused = await complete(followUp([gemini]), connection, { maxRetries: 0 }).catch(
      (e: unknown) => e,
    )
    expect((refused as LlmError).status).toBe(400)
    expect(JSON.stringify(lastBody())).not.toContain('gemini-signature')
  })
})
