import type { ChatRequest, Connection, ProviderId } from '../../packages/llm/src/types'
import type { FakeServer } from '../fakes/fake-script'

/**
 * What a provider brings to the shared contract suite (test/llm/contract-suite.ts): a fake
 * server speaking its wire protocol and a connection pointed at it.
 */
export interface ProviderHarness {
  provider: ProviderId
  /** Tells apart several harnesses of one provider (e.g. Azure's v1 and dated API versions). */
  label?: string
  /** A catalog model with tools and image input. */
  model: string
  /** A catalog model with reasoning/thinking, when the provider has one. */
  reasoningModel?: string
  /** How to ask that model to reason (default: a 2,048-token thinking budget). */
  reasoningRequest?: Partial<ChatRequest>
  /** The provider's native image form is the data URL itself (OpenAI-style APIs). */
  imagesAsDataUrl?: boolean
  /** A parameter this provider/model rejects, for the "unsupported parameter" check. */
  unsupportedParameter?: { model: string; request: Record<string, unknown>; parameter: string }
  /** Starts the fake and returns a connection with (fake but real-shaped) credentials. */
  start(): Promise<HarnessInstance>
}

export interface HarnessInstance {
  fake: FakeServer
  connection: Connection
  /** Every secret in `connection` (and derived ones such as access tokens) that must never leak. */
  secrets: string[]
  /** The same connection with a wrong secret, which the fake refuses with the provider's auth error. */
  badConnection: Connection
  close(): Promise<void>
}
