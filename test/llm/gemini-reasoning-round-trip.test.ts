import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complete, stream } from '../../packages/llm/src/index'
import type {
  ChatMessage,
  ChatRequest,
  Connection,
  ReasoningDetail,
  ToolCall,
} from '../../packages/llm/src/index'
import { forgetThoughtSignatures } from '../../packages/llm/src/providers/google/thought-signatures'
import { startGoogleFake, type GoogleFakeServer } from '../fakes/google/google-fake'

let fake: GoogleFakeServer
let connection: Connection

beforeAll(async () => {
  fake = await startGoogleFake()
  connection = { provider: 'gemini', apiKey: fake.apiKey, baseURL: fake.url }
})
afterAll(() => fake.close())

const ask: ChatRequest = {
  model: 'gemini-3-pro-preview',
  messages: [{ role: 'user', content: 'Weather in Seoul?' }],
  tools: [
    {
      type: 'function',
      function: { name: 'weather', parameters: { type: 'object', properties: {} } },
    },
  ],
}
const thinkingTurn = {
  reasoning: ['I should call the tool.'],
  toolCalls: [{ name: 'weather', argumentFragments: ['{}'] }],
}

function followUp(call: ToolCall, details: ReasoningDetail[] | undefined): ChatRequest {
  const messages: ChatMessage[] = [
    ...ask.messages,
    {
      role: 'assistant',
      content: null,
      tool_calls: [call],
      ...(details ? { reasoning_details: details } : {}),
    },
    { role: 'tool', tool_call_id: call.id, content: 'Sunny' },
  ]
  return { ...ask, messages }
}

type Sent = { contents: { parts: { functionCall?: unknown; thoughtSignature?: string }[] }[] }
const sentSignature = () =>
  (fake.requests.at(-1)?.json as Sent).contents[1]?.parts.find((p) => p.functionCall)
    ?.thoughtSignature

describe('Gemini reasoning round trip (thought signatures by tool call id)', () => {
  it('streams the signature as reasoning_details and sends it back from the message, not from memory', async () => {
    fake.enqueue(thinkingTurn)
    let details: ReasoningDetail[] | undefined
    let call: ToolCall | undefined
    for await (const chunk of stream(ask, connection, { maxRetries: 0 })) {
      const delta = chunk.choices[0]?.delta
      details ??= delta?.reasoning_details
      const started = delta?.tool_calls?.[0]
      if (started?.id) {
        call = {
          id: started.id,
          type: 'function',
          function: { name: started.function?.name ?? '', arguments: '{}' },
        }
      }
    }
    if (!call) throw new Error('no tool call')
    expect(details).toEqual([
      {
        type: 'reasoning.encrypted',
        data: expect.stringMatching(/^[A-Za-z0-9+/]{40,}=*$/),
        format: 'google-gemini-v1',
        index: 0,
        id: call.id,
      },
    ])
    forgetThoughtSignatures() // as after a restart
    fake.enqueue({ text: ['Sunny.'] })
    const answer = await complete(followUp(call, details), connection, { maxRetries: 0 })
    expect(answer.choices[0]?.message.content).toBe('Sunny.')
    expect(sentSignature()).toBe(details?.[0]?.type === 'reasoning.encrypted' && details[0].data)
  })

  it('keeps the signature of a complete() answer; without one it sends the placeholder', async () => {
    fake.enqueue(thinkingTurn)
    const first = await complete(ask, connection, { maxRetries: 0 })
    const call = first.choices[0]?.message.tool_calls?.[0]
    const details = first.choices[0]?.message.reasoning_details
    if (!call) throw new Error('no tool call')
    expect(details?.[0]).toMatchObject({ format: 'google-gemini-v1', id: call.id })
    forgetThoughtSignatures()
    fake.enqueue({ text: ['ok'] }, { text: ['ok'] })
    await complete(followUp(call, undefined), connection, { maxRetries: 0 })
    expect(sentSignature()).toBe('skip_thought_signature_validator')
    // An Anthropic signature is never sent to Google.
    const anthropic: ReasoningDetail = {
      type: 'reasoning.text',
      text: 'x',
      signature: 'anthropic-signature',
      format: 'anthropic-claude-v1',
      index: 0,
    }
    await complete(followUp(call, [anthropic]), connection, { maxRetries: 0 })
    expect(sentSignature()).toBe('skip_thought_signature_validator')
  })
})
