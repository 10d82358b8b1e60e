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
 *   before the AWS SDK allocates a buffer of that length.
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

const LF = 10
const CR = 13

/**
 * Passes an SSE body through while counting the bytes since the last event boundary (a blank
 * line, LF or CRLF endings); once one event passes `limit` bytes, the stream fails with
 * `eventTooLargeError` instead of letting the SDK's parser buffer it. `tripped()` tells whether it
 * did (an SDK may wrap the error it sees).
 */
export function limitSseEvents(
  body: ReadableStream<Uint8Array>,
  provider: ProviderId,
  limit: number,
): { body: ReadableStream<Uint8Array>; tripped(): LlmError | undefined } {
  let since = 0
  let last1 = -1
  let last2 = -1
  let error: LlmError | undefined
  const limited = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        let boundary = -1
        for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) {
          const before = i >= 1 ? (chunk[i - 1] as number) : last1
          const before2 = i >= 2 ? (chunk[i - 2] as number) : i === 1 ? last1 : last2
          if (before === LF || (before === CR && before2 === LF)) boundary = i + 1
        }
        since = boundary >= 0 ? chunk.length - boundary : since + chunk.length
        if (chunk.length >= 2) {
          last1 = chunk[chunk.length - 1] as number
          last2 = chunk[chunk.length - 2] as number
        } else if (chunk.length === 1) {
          last2 = last1
          last1 = chunk[0] as number
        }
        if (since > limit) {
          error = eventTooLargeError(provider, since, limit)
          controller.error(error)
          return
        }
        controller.enqueue(chunk)
      },
    }),
  )
  return { body: limited, tripped: () => error }
}

/** A fetch whose successful event-stream answers pass through `limitSseEvents`. */
export function fetchWithSseLimit(
  base: typeof fetch,
  provider: ProviderId,
  limit: number,
): { fetch: typeof fetch; tripped(): LlmError | undefined } {
  let current: (() => LlmError | undefined) | undefined
  const limitedFetch: typeof fetch = async (input, init) => {
    const response = await base(input, init)
    const type = response.headers.get('content-type') ?? ''
    if (!response.ok || !response.body || !type.includes('text/event-stream')) return response
    const limited = limitSseEvents(response.body, provider, limit)
    current = limited.tripped
    return new Response(limited.body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
  }
  return { fetch: limitedFetch, tripped: () => current?.() }
}

/**
 * Passes AWS event-stream bytes through while reading each frame's 4-byte total-length prelude;
 * a frame longer than `limit` fails the stream before anything allocates or buffers it.
 */
export async function* limitEventStreamFrames(
  source: AsyncIterable<Uint8Array>,
  provider: ProviderId,
  limit: number,
): AsyncGenerator<Uint8Array> {
  /** Bytes left of the current frame; 0 at a frame boundary. */
  let remaining = 0
  const prelude = new Uint8Array(4)
  let preludeBytes = 0
  for await (const chunk of source) {
    let offset = 0
    while (offset < chunk.length) {
      if (remaining > 0) {
        const take = Math.min(remaining, chunk.length - offset)
        remaining -= take
        offset += take
        continue
      }
      prelude[preludeBytes++] = chunk[offset++] as number
      if (preludeBytes < 4) continue
      const length = new DataView(prelude.buffer).getUint32(0, false)
      preludeBytes = 0
      if (length > limit) throw eventTooLargeError(provider, length, limit, true)
      remaining = Math.max(0, length - 4)
    }
    yield chunk
  }
}
