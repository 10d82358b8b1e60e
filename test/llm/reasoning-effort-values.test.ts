import { describe, expect, it } from 'vitest'
import { complete, LlmError, type Connection } from '../../packages/llm/src/index'
import type { ReasoningEffort } from '../../packages/llm/src/types'

// Nothing listens on port 9: a request that reached the network would fail as `network`.
const DEAD = 'http://127.0.0.1:9'

/** Providers that map reasoning_effort onto a control of their own, with a model that takes it. */
const MAPPING: [string, string, Connection][] = [
  [
    'anthropic',
    'claude-sonnet-4-6',
    { provider: 'anthropic', apiKey: 'sk-ant-test', baseURL: DEAD },
  ],
  [
    'bedrock (Claude)',
    'anthropic.claude-sonnet-4-6',
    {
      provider: 'bedrock',
      region: 'us-east-1',
      accessKeyId: 'AKIATEST',
      secretAccessKey: 'x',
      endpoint: DEAD,
    },
  ],
  [
    'bedrock (Nova 2)',
    'amazon.nova-2-lite-v1:0',
    {
      provider: 'bedrock',
      region: 'us-east-1',
      accessKeyId: 'AKIATEST',
      secretAccessKey: 'x',
      endpoint: DEAD,
    },
  ],
  ['gemini 2.5', 'gemini-2.5-flash', { provider: 'gemini', apiKey: 'AIza-test', baseURL: DEAD }],
  [
    'vertex 2.5',
    'gemini-2.5-flash',
    {
      provider: 'vertex',
      project: 'p',
      location: 'us-central1',
      apiKey: 'AIza-test',
      baseURL: DEAD,
    },
  ],
]

async function outcome(model: string, connection: Connection, effort: string): Promise<unknown> {
  try {
    const request = {
      model,
      messages: [{ role: 'user' as const, content: 'Hi' }],
      reasoning_effort: effort as ReasoningEffort,
    }
    return await complete(request, connection, { maxRetries: 0 })
  } catch (error) {
    return error
  }
}

describe('reasoning_effort where the library maps it: a value it cannot map is refused', () => {
  for (const [label, model, connection] of MAPPING) {
    it(`${label}: "extreme" is refused before any request, naming the values`, async () => {
      const error = await outcome(model, connection, 'extreme')
      expect(error).toBeInstanceOf(LlmError)
      expect(error).toMatchObject({ kind: 'invalid_request' })
      expect((error as LlmError).message).toBe(
        `"reasoning_effort" is "extreme"; ${model} (${connection.provider}) takes minimal, low, medium or high.`,
      )
    })

    it(`${label}: "high" is mapped and sent (the dead endpoint answers: a network error)`, async () => {
      const error = await outcome(model, connection, 'high')
      expect(error).toBeInstanceOf(LlmError)
      expect((error as LlmError).kind).toBe('network')
    })
  }
})
