import Anthropic from '@anthropic-ai/sdk'
import type { CallContext } from '../../provider-plugin'
import type { AnthropicConnection } from '../../types'

/**
 * The generic layer owns retries and deadlines: SDK retries are off, and the SDK's own timeout
 * is set high so it neither cuts a long answer nor refuses a large non-streaming `max_tokens`
 * ("streaming is required…", a client-side estimate, not an API rule).
 */
const SDK_TIMEOUT_MS = 60 * 60 * 1000

export function createAnthropicClient(
  connection: AnthropicConnection,
  ctx: CallContext,
): Anthropic {
  return new Anthropic({
    apiKey: connection.apiKey,
    baseURL: connection.baseURL ?? 'https://api.anthropic.com',
    maxRetries: 0,
    timeout: SDK_TIMEOUT_MS,
    fetch: ctx.fetch,
    // Spans would record prompts in a host application's tracer; the library stays silent.
    openTelemetry: false,
    // Warnings and errors go to the caller's logger (silent by default), redacted.
    logger: ctx.log,
    logLevel: 'warn',
  })
}
