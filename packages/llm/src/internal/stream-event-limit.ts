import { LlmError } from '../errors/llm-error'
import type { ProviderId } from '../types'

const MiB = 1024 * 1024

/**
 * The largest single stream event each wire format may send; a larger one is refused with an
 * LlmError (kind `server`, code `event_too_large`), the answer streamed before it kept.
 * Real events are a few KB (the largest in the recorded provider captures: 8.5 KB, a Gemini
 * grounding event), so these leave room for several orders of magnitude of growth while
 * stopping a broken or hostile endpoint from making the library buffer without end.
 * - SSE of the OpenAI family and Anthropic: token deltas and tool-argument fragments only.
 * - Gemini/Vertex SSE: one event can carry a whole inline image part (base64) from an image
 *   model, a few MB at 2K resolution; so twice the room.
 * - Bedrock event-stream frames: deltas as in the SSE APIs. The frame's length prelude is checked
 *   before a buffer of that length is kept.
 */
export const STREAM_EVENT_LIMITS = {
  sse: 4 * MiB,
  googleSse: 8 * MiB,
  eventStreamFrame: 4 * MiB,
} as const

export const EVENT_TOO_LARGE = 'event_too_large'

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1).replace(/\.0$/, '')} MiB`

/** The error for one event over the limit; `size` is what arrived so far (or the frame's length). */
export function eventTooLargeError(
  provider: ProviderId,
  size: number,
  limit: number,
  exact = false,
): LlmError {
  return new LlmError({
    kind: 'server',
    provider,
    code: EVENT_TOO_LARGE,
    message:
      `The provider sent a single stream event of ${exact ? '' : 'more than '}${mib(size)}; ` +
      `the limit is ${mib(limit)}. The answer up to that event is kept.`,
  })
}
