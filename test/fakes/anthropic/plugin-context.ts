import { createSdkLogger } from '../../../packages/llm/src/internal/sdk-logger'
import type { CallContext } from '../../../packages/llm/src/provider-plugin'

/** A CallContext for driving the Anthropic plugin directly (without the generic call layer). */
export function pluginContext(
  signal: AbortSignal = new AbortController().signal,
): CallContext & { touches: number } {
  const ctx = {
    signal,
    fetch: globalThis.fetch,
    touches: 0,
    touch() {
      ctx.touches++
    },
    log: createSdkLogger(undefined, { provider: 'anthropic', apiKey: '' }),
  }
  return ctx
}
