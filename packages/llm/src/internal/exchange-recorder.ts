import type { LlmErrorKind } from '../errors/llm-error'
import type {
  Exchange,
  ExchangeAttempt,
  ExchangeResponse,
  FieldTrace,
  RawStreamEvent,
} from '../types'
import { maskBody, maskHeaders, maskUrl } from './exchange-masking'
import { rateLimitsOf, requestIdOf } from './response-facts'
import { SseEventTap } from './sse-event-tap'

/** A request about to go out, before masking. */
export interface RawRequest {
  method: string
  url: string
  headers: Iterable<[string, unknown]>
  body?: string
}

/** Takes one request's answer: its headers, its body bytes as they pass, stream events. */
export interface ResponseTap {
  received(status: number, headers: Iterable<[string, unknown]>, isSse?: boolean): void
  chunk(bytes: Uint8Array): void
  /** One decoded stream event (a Bedrock event-stream frame's type and payload). */
  event(data: string, payload?: string): void
  end(): void
}

export interface RecorderOptions {
  recordEvents?: boolean
  onResponse?: (exchange: Exchange) => void
}

/** Times of one attempt, in performance.now() ms. */
interface Clock {
  start: number
  headers?: number
  firstByte?: number
  lastByte?: number
  /** Wall-clock time of the response headers, for rate-limit resets given as durations. */
  headersAt?: number
}

/**
 * Records one call's exchange at the fetch layer: each attempt's request as sent (masked), its
 * status and headers, body timings and, when asked, the raw stream events. The response body is
 * passed through as the SDK reads it; nothing is buffered beyond one SSE event.
 */
export class ExchangeRecorder {
  private readonly attempts: ExchangeAttempt[] = []
  private readonly clocks: Clock[] = []
  private events: RawStreamEvent[] | undefined
  private waitMs = 0
  private totalWaitMs = 0
  private finalNotified = false

  constructor(
    private readonly secrets: readonly string[],
    private readonly fields: FieldTrace[],
    private readonly options: RecorderOptions,
  ) {}

  /** The wait before the next attempt, as it really lasted. */
  waited(ms: number): void {
    this.waitMs += ms
    this.totalWaitMs += ms
  }

  /** The attempt ended in this error (its last request is marked). */
  failed(attempt: number, kind: LlmErrorKind): void {
    const entry = this.attempts.findLast((a) => a.attempt === attempt)
    if (entry) entry.error = kind
  }

  /** A fetch that records what goes through it as part of attempt `attempt`. */
  fetchFor(attempt: number, base: typeof fetch): typeof fetch {
    return async (input, init) => {
      const body = bodyText(init?.body ?? null)
      if (isTokenExchange(init, body)) return base(input, init)
      const request = input instanceof Request ? input : undefined
      const tap = this.begin(attempt, {
        method: init?.method ?? request?.method ?? 'GET',
        url: request ? request.url : String(input),
        headers: new Headers(init?.headers ?? request?.headers),
        ...(body === undefined ? {} : { body }),
      })
      const response = await base(input, init)
      const type = response.headers.get('content-type') ?? ''
      tap.received(response.status, response.headers, type.includes('text/event-stream'))
      return tapBody(response, tap)
    }
  }

  /**
   * Starts recording one request of attempt `attempt` as it goes out (masked here); the tap then
   * takes its answer. For SDKs that do not send through fetch (the AWS SDK's middleware).
   */
  begin(attempt: number, sent: RawRequest): ResponseTap {
    const entry: ExchangeAttempt = {
      attempt,
      request: {
        method: sent.method.toUpperCase(),
        url: maskUrl(sent.url, this.secrets),
        headers: maskHeaders(sent.headers, this.secrets),
        ...(sent.body === undefined ? {} : { body: maskBody(sent.body, this.secrets) }),
      },
      sentAt: Date.now(),
      retryWaitMs: this.waitMs,
    }
    this.waitMs = 0
    const clock: Clock = { start: performance.now() }
    this.attempts.push(entry)
    this.clocks.push(clock)
    const events: RawStreamEvent[] | undefined = this.options.recordEvents ? [] : undefined
    this.events = events
    const since = () => Math.round(performance.now() - clock.start)
    let sse: SseEventTap | undefined
    return {
      received: (status, headers, isSse = false) => {
        clock.headers = performance.now()
        clock.headersAt = Date.now()
        entry.response = { status, headers: maskHeaders(headers, this.secrets) }
        const ok = status >= 200 && status < 300
        if (events && isSse && ok) sse = new SseEventTap(events, since)
        if (ok) this.notify()
      },
      chunk: (bytes) => {
        const now = performance.now()
        clock.firstByte ??= now
        clock.lastByte = now
        sse?.push(bytes)
      },
      event: (data, payload) => {
        events?.push({ atMs: since(), data, ...(payload === undefined ? {} : { payload }) })
      },
      end: () => sse?.end(),
    }
  }

  /** Whether any request went out (an error before that carries no exchange). */
  get reachedNetwork(): boolean {
    return this.attempts.length > 0
  }

  /** Calls onResponse for the error the call ends with, unless a success already did. */
  finished(): void {
    if (!this.finalNotified) this.notify()
  }

  exchange(): Exchange {
    const last = this.attempts.at(-1)
    const clock = this.clocks.at(-1)
    const since = (t: number | undefined) =>
      t === undefined || clock === undefined ? undefined : Math.round(t - clock.start)
    const headersMs = since(clock?.headers)
    const firstTokenMs = since(clock?.firstByte)
    const lastTokenMs = since(clock?.lastByte)
    const response = last?.response ? this.responseOf(last.response, clock) : undefined
    return {
      attempts: this.attempts.map((a) => structuredClone(a)),
      ...(response ? { response } : {}),
      timings: {
        sentAt: last?.sentAt ?? Date.now(),
        ...(headersMs === undefined ? {} : { headersMs }),
        ...(firstTokenMs === undefined ? {} : { firstTokenMs }),
        ...(lastTokenMs === undefined ? {} : { lastTokenMs }),
        attempts: new Set(this.attempts.map((a) => a.attempt)).size,
        retryWaitMs: this.totalWaitMs,
      },
      fields: this.fields.map((f) => ({ ...f })),
      ...(this.events ? { events: [...this.events] } : {}),
    }
  }

  private notify(): void {
    this.finalNotified = true
    const hook = this.options.onResponse
    if (!hook) return
    try {
      hook(this.exchange())
    } catch {
      // An observer: what it throws cannot break the call.
    }
  }

  private responseOf(
    answer: NonNullable<ExchangeAttempt['response']>,
    clock: Clock | undefined,
  ): ExchangeResponse {
    const requestId = requestIdOf(answer.headers)
    const rateLimits = rateLimitsOf(answer.headers, clock?.headersAt ?? Date.now())
    return {
      status: answer.status,
      headers: { ...answer.headers },
      ...(requestId === undefined ? {} : { requestId }),
      ...(rateLimits === undefined ? {} : { rateLimits }),
    }
  }
}

/** The response with its body passed through the tap, byte for byte. */
function tapBody(response: Response, tap: ResponseTap): Response {
  if (!response.body) return response
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        tap.chunk(chunk)
        controller.enqueue(chunk)
      },
      flush() {
        tap.end()
      },
    }),
  )
  const tapped = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
  Object.defineProperty(tapped, 'url', { value: response.url })
  return tapped
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined) return undefined
  if (body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) return body.toString()
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body as Uint8Array)
    } catch {
      return undefined
    }
  }
  return undefined
}

/**
 * The OAuth token exchange a Vertex service account makes before the call (a JWT-bearer grant)
 * is not part of the exchange: its assertion is a signed credential and its answer a token.
 */
function isTokenExchange(init: RequestInit | undefined, body: string | undefined): boolean {
  return body !== undefined && /(?:^|&)grant_type=/.test(body) && init?.method === 'POST'
}
