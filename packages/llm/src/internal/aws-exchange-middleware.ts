import { Readable } from 'node:stream'
import type { CallContext } from '../provider-plugin'
import type { ResponseTap } from './exchange-recorder'

interface HttpRequestLike {
  method: string
  protocol: string
  hostname: string
  port?: number
  path: string
  query?: Record<string, string | string[] | null>
  headers: Record<string, string>
  body?: unknown
}

export interface HttpResponseLike {
  statusCode: number
  headers: Record<string, string>
  body?: unknown
}

export interface MiddlewareStackLike {
  addRelativeTo(
    middleware: unknown,
    options: { name: string; relation: 'before' | 'after'; toMiddleware: string },
  ): void
}

/**
 * Records an AWS SDK client's requests in the call's exchange: a middleware inside the
 * deserializer sees the request as signed and the raw HTTP answer, whose body it passes through
 * the tap byte for byte. (A streamed answer is taken with `takeAwsEventStream`, whose reader
 * records its frames as it decodes them.)
 */
export function recordAwsExchange(
  client: { middlewareStack: MiddlewareStackLike },
  ctx: CallContext,
): void {
  if (!ctx.exchange) return
  addExchangeMiddleware(client, ctx, undefined)
}

/** A successful event-stream answer, taken from the SDK before it decodes it. */
export interface AwsEventStream {
  /** The raw HTTP body (the SDK's HTTP/2 stream), read by the caller. */
  body: AsyncIterable<Uint8Array> & { destroy?(error?: Error): unknown }
  /**
   * The exchange's tap for this answer (absent when the call records none): the reader gives it
   * each piece of bytes (`chunk`), each decoded frame (`event`) and the end (`end`).
   */
  tap: ResponseTap | undefined
}

/**
 * Like `recordAwsExchange`, and for a 200 `application/vnd.amazon.eventstream` answer hands the
 * raw body to `take` (the library decodes the frames itself) while the SDK gets an empty body:
 * the SDK still signs, sends, reads the metadata and turns any other answer into its error.
 */
export function takeAwsEventStream(
  client: { middlewareStack: MiddlewareStackLike },
  ctx: CallContext,
  take: (stream: AwsEventStream) => void,
): void {
  addExchangeMiddleware(client, ctx, take)
}

function addExchangeMiddleware(
  client: { middlewareStack: MiddlewareStackLike },
  ctx: CallContext,
  take: ((stream: AwsEventStream) => void) | undefined,
): void {
  const exchange = ctx.exchange
  type Next = (args: { request: unknown }) => Promise<{ response: unknown; output: unknown }>
  const middleware = (next: Next) => async (args: { request: unknown }) => {
    const request = args.request as HttpRequestLike
    const tap = exchange?.begin({
      method: request.method,
      url: urlOf(request),
      headers: Object.entries(request.headers),
      ...bodyOf(request.body),
    })
    const result = await next(args)
    const response = result.response as HttpResponseLike
    tap?.received(response.statusCode, Object.entries(response.headers))
    const eventStream =
      response.statusCode === 200 &&
      (response.headers['content-type'] ?? '').includes('eventstream')
    const body = response.body as AwsEventStream['body'] | undefined
    if (take && eventStream && isAsyncIterable(body)) {
      take({ body, tap })
      response.body = Readable.from([])
    } else if (tap) {
      response.body = tapped(response.body, tap)
    }
    return result
  }
  client.middlewareStack.addRelativeTo(middleware, {
    name: 'parallaxExchangeRecorder',
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
  })
}

function isAsyncIterable(body: unknown): body is AwsEventStream['body'] {
  return !!body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function'
}

/** The body as text: a string or UTF-8 bytes (the JSON the SDK serialised). */
function bodyOf(body: unknown): { body?: string } {
  if (typeof body === 'string') return { body }
  if (!(body instanceof Uint8Array)) return {}
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(body) }
  } catch {
    return {}
  }
}

function urlOf(request: HttpRequestLike): string {
  const port = request.port ? `:${request.port}` : ''
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(request.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, one ?? '')
  }
  const search = query.size ? `?${query.toString()}` : ''
  return `${request.protocol}//${request.hostname}${port}${request.path}${search}`
}

/** The body passed through the tap; a Node stream stays a Node stream (the SDK pipes it). */
function tapped(body: unknown, tap: ResponseTap): unknown {
  if (!isAsyncIterable(body)) return body
  async function* pass(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      tap.chunk(chunk)
      yield chunk
    }
    tap.end()
  }
  return Readable.from(pass(body as AsyncIterable<Uint8Array>), { objectMode: false })
}
