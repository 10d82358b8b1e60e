import {
  complete,
  LlmError,
  stream,
  type ChatRequest,
  type Connection,
} from '../../packages/llm/src/index'
import { FAKE_BEDROCK_CREDENTIALS, type BedrockFake } from '../fakes/bedrock/bedrock-fake'
import type { FakeServer, RecordedRequest } from '../fakes/fake-script'

/* What the cross-cloud tests share: one tool to call, and a request's outcome on one cloud. */

export const LOOKUP_TOOLS: ChatRequest['tools'] = [
  {
    type: 'function',
    function: {
      name: 'lookup',
      description: 'Look a word up',
      parameters: { type: 'object', properties: { q: { type: 'string' } } },
    },
  },
]

/** How the library refused a request, with nothing sent (`requests` counts what was). */
export interface Refusal {
  kind: string
  code?: string
  parameter?: string
  hintCode?: string
}

export type Outcome<S> = { sent: S } | { refused: Refusal; requests: number }

/**
 * Sends `request` with `complete` (or `stream`, read to its end) and returns what reached the fake
 * since, read by `read`, or the library's refusal and how many requests went out regardless.
 */
export async function outcomeOf<S>(
  connection: Connection,
  fake: FakeServer,
  request: ChatRequest,
  read: (received: RecordedRequest[]) => S,
  call: 'complete' | 'stream' = 'complete',
): Promise<Outcome<S>> {
  const before = fake.requests.length
  try {
    if (call === 'complete') await complete(request, connection)
    else for await (const chunk of stream(request, connection)) void chunk
  } catch (error) {
    if (!(error instanceof LlmError)) throw error
    const { kind, code, parameter, hintCode } = error
    return {
      refused: { kind, code, parameter, hintCode },
      requests: fake.requests.length - before,
    }
  }
  return { sent: read(fake.requests.slice(before)) }
}

/** `outcomeOf` for a one-turn `complete` with `extra` set, reading the last body that arrived. */
export function lastBodyOutcome<S>(
  connection: Connection,
  fake: FakeServer,
  model: string,
  extra: Partial<ChatRequest>,
  read: (body: Record<string, unknown>) => S,
): Promise<Outcome<S>> {
  const request = { model, messages: [{ role: 'user' as const, content: 'Hi' }], ...extra }
  return outcomeOf(connection, fake, request, (received) =>
    read(received.at(-1)?.json as Record<string, unknown>),
  )
}

/** A Bedrock connection to the fake, signed with its SigV4 key pair. */
export function bedrockConnectionTo(fake: BedrockFake): Connection {
  return {
    provider: 'bedrock',
    region: 'us-east-1',
    endpoint: fake.url,
    ...FAKE_BEDROCK_CREDENTIALS,
  }
}
