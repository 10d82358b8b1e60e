import type { FakeFacts } from './fake-facts'
import type { NotAnAnswer } from './not-an-answer'

/**
 * How a test tells a fake provider server what to answer. Every fake (OpenAI, Anthropic,
 * Bedrock, Gemini/Vertex) understands the same script and renders it in its provider's own wire
 * format, byte for byte as the real API does (see ../shared/provider-captures/).
 */

/** Error scenarios; each fake answers with its provider's real status, headers and error body. */
export type FakeErrorKind =
  | 'auth'
  | 'permission'
  | 'rate_limit'
  | 'quota'
  | 'context_length'
  | 'invalid_request'
  | 'not_found'
  | 'content_filter'
  | 'overloaded'
  | 'server'

export interface FakeToolCall {
  /** The provider-side id (fakes invent one when absent). */
  id?: string
  name: string
  /** The JSON arguments text, split into the fragments the stream should carry. */
  argumentFragments: string[]
}

export interface FakeUsage {
  input: number
  output: number
  reasoning?: number
  cachedInput?: number
}

export interface FakeScript {
  /** Answer text, one stream event per entry (a complete() answer joins them). */
  text?: string[]
  /** Reasoning / thinking text, streamed before the answer. */
  reasoning?: string[]
  toolCalls?: FakeToolCall[]
  /** Default: 'tool_calls' when toolCalls are given, else 'stop'. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter'
  usage?: FakeUsage
  /** Answer the request with this error instead (HTTP status + the provider's error body). */
  error?: FakeErrorKind
  /** With error 'rate_limit' / 'overloaded': the retry-after header value in seconds. */
  retryAfterSeconds?: number
  /** Milliseconds to wait before each stream event (and before a non-stream answer). */
  delayMs?: number
  /** Stream: close the connection after this many content events, with no end marker. */
  cutAfterEvents?: number
  /** Stream: stop sending (keep the connection open) after this many content events. */
  stallAfterEvents?: number
  /** Stream: after this many content events, send the provider's in-stream error event (e.g. overloaded). */
  errorEventAfterEvents?: number
  /**
   * Answer 200 with what is not the API's answer (see not-an-answer.ts): what a proxy, captive
   * portal or gateway in between sends instead of the provider.
   */
  notAnAnswer?: NotAnAnswer
  /** Extra response headers (e.g. rate limits), sent on the answer or the error. */
  headers?: Record<string, string>
  /** How many times this script answers before the next one in the queue takes over. Default 1. */
  times?: number
  /** The answer's facts beyond its text (raw finish reason, logprobs, citations, safety …). */
  facts?: FakeFacts
}

export interface RecordedRequest {
  method: string
  /** Path and query, as received. */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
  /** The body parsed as JSON, when it is JSON. */
  json: unknown
  /** Whether the fake accepted the credentials (false requests were answered 401/403). */
  authorized: boolean
  /** When the fake received it (ms since epoch). */
  at: number
}

export interface FakeServer {
  /** The base URL to point a connection at (no trailing slash). */
  url: string
  /** Queues a script for the next request(s); with an empty queue a default text answer is sent. */
  enqueue(...scripts: FakeScript[]): void
  readonly requests: RecordedRequest[]
  /** Clears the queue and the recorded requests. */
  reset(): void
  close(): Promise<void>
}

export const DEFAULT_SCRIPT: FakeScript = {
  text: ['Hello', ' from', ' the', ' fake', '.'],
  usage: { input: 12, output: 5 },
}
