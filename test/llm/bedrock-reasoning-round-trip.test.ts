import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { complete, LlmError, stream } from '../../packages/llm/src/index'
import type {
  BedrockConnection,
  ChatMessage,
  ChatRequest,
  ReasoningDetail,
} from '../../packages/llm/src/index'
import {
  FAKE_BEDROCK_API_KEY,
  startBedrockFake,
  type BedrockFake,
} from '../fakes/bedrock/bedrock-fake'
import { CONVERSE_FAKE_SIGNATURE } from '../fakes/bedrock/converse-render'

const CLAUDE = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

let fake: BedrockFake
let connection: BedrockConnection

beforeAll(async () => {
  fake = await startBedrockFake({ region: 'us-west-2' })
  connection = {
    provider: 'bedrock',
    region: 'us-west-2',
    endpoint: fake.url,
    apiKey: FAKE_BEDROCK_API_KEY,
  }
})
afterAll(() => fake.close())

const ask: ChatRequest = {
  model: CLAUDE,
  messages: [{ role: 'user', content: 'Weather in Seoul?' }],
  tools: [
    {
      type: 'function',
      function: { name: 'weather', parameters: { type: 'object', properties: {} } },
    },
  ],
  max_tokens: 4000,
  thinking_budget: 2048,
}
const thinkingTurn = {
  reasoning: ['I should ', 'call the tool.'],
  toolCalls: [{ id: 'tooluse_Weather01', name: 'weather', argumentFragments: ['{}'] }],
}

function followUp(details: ReasoningDetail[] | undefined): ChatRequest {
  const messages: ChatMessage[] = [
    ...ask.messages,
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'tooluse_Weather01',
          type: 'function',
          function: { name: 'weather', arguments: '{}' },
        },
      ],
      ...(details ? { reasoning_details: details } : {}),
    },
    { role: 'tool', tool_call_id: 'tooluse_Weather01', content: 'Sunny' },
  ]
  return { ...ask, messages }
}

const lastBody = () =>
  fake.requests.at(-1)?.json as { messages: { content: Record<string, unknown>[] }[] }

describe('Bedrock reasoning round trip (Claude reasoningContent on a tool-call turn)', () => {
  it('streams the signed reasoning as reasoning_details and sends it back first in the turn', async () => {
    fake.enqueue(thinkingTurn)
    let details: ReasoningDetail[] | undefined
    for await (const chunk of stream(ask, connection, { maxRetries: 0 })) {
      details ??= chunk.choices[0]?.delta.reasoning_details
    }
    expect(details).toEqual([
      {
        type: 'reasoning.text',
        text: 'I should call the tool.',
        signature: CONVERSE_FAKE_SIGNATURE,
        format: 'bedrock-converse-v1',
        index: 0,
      },
    ])
    fake.enqueue({ text: ['Sunny.'] })
    const answer = await complete(followUp(details), connection, { maxRetries: 0 })
    expect(answer.choices[0]?.message.content).toBe('Sunny.')
    expect(lastBody().messages[1]?.content[0]).toEqual({
      reasoningContent: {
        reasoningText: { text: 'I should call the tool.', signature: CONVERSE_FAKE_SIGNATURE },
      },
    })
  })

  it('keeps the reasoning of a complete() answer, and sends redacted content back as bytes', async () => {
    fake.enqueue(thinkingTurn)
    const first = await complete(ask, connection, { maxRetries: 0 })
    const details = first.choices[0]?.message.reasoning_details ?? []
    expect(details.map((d) => [d.type, d.format])).toEqual([
      ['reasoning.text', 'bedrock-converse-v1'],
    ])
    const redacted: ReasoningDetail = {
      type: 'reasoning.encrypted',
      data: Buffer.from('EtkECkgIBxAB').toString('base64'),
      format: 'bedrock-converse-v1',
      index: 1,
    }
    fake.enqueue({ text: ['Done.'] })
    await complete(followUp([...details, redacted]), connection, { maxRetries: 0 })
    const blocks = lastBody().messages[1]?.content ?? []
    expect(blocks.map((b) => Object.keys(b)[0])).toEqual([
      'reasoningContent',
      'reasoningContent',
      'toolUse',
    ])
    expect(blocks[1]).toEqual({ reasoningContent: { redactedContent: redacted.data } })
  })

  it('gets the 400 without the signed block, and sends no Anthropic-format item to Bedrock', async () => {
    const anthropic: ReasoningDetail = {
      type: 'reasoning.text',
      text: 'x',
      signature: 'anthropic-signature',
      format: 'anthropic-claude-v1',
      index: 0,
    }
    const error = await complete(followUp([anthropic]), connection, { maxRetries: 0 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(LlmError)
    expect((error as LlmError).status).toBe(400)
    expect((error as LlmError).message).toMatch(/Expected `thinking` or `redacted_thinking`/)
    expect(JSON.stringify(lastBody())).not.toContain('anthropic-signature')
  })
})
