import { Readable } from 'node:stream'
import type { HttpResponseLike, MiddlewareStackLike } from '../../internal/aws-exchange-middleware'
import { notAnAnswerError } from '../../internal/provider-kit/not-an-answer-error'

/**
 * Refuses a 200 whose body is not the answer the command expects — what a proxy, a captive
 * portal or a gateway in between sends: for ConverseStream anything but an event stream, for
 * Converse anything but a JSON response with its `output`. The SDK would report a sign-in page
 * as "Truncated event message received", and parse a gateway's JSON error (or an empty body) into
 * an empty answer. Raised as `not_an_answer` with the start of the body, before the SDK's
 * deserializer sees it; a Converse answer that passes is handed on unchanged.
 */
export function refuseNonAnswers(
  client: { middlewareStack: MiddlewareStackLike },
  command: 'converse' | 'converse-stream',
): void {
  type Next = (args: unknown) => Promise<{ response: unknown; output: unknown }>
  const middleware = (next: Next) => async (args: unknown) => {
    const result = await next(args)
    const response = result.response as HttpResponseLike
    if (response.statusCode !== 200) return result
    const type = response.headers['content-type'] ?? ''
    if (command === 'converse-stream' && type.includes('eventstream')) return result
    const text = await readText(response.body)
    if (command === 'converse' && isConverseOutput(text)) {
      response.body = Readable.from([Buffer.from(text)])
      return result
    }
    throw notAnAnswerError('bedrock', text, type || null)
  }
  client.middlewareStack.addRelativeTo(middleware, {
    name: 'parallaxAnswerCheck',
    relation: 'after',
    toMiddleware: 'deserializerMiddleware',
  })
}

function isConverseOutput(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { output?: unknown } | null
    return parsed !== null && typeof parsed === 'object' && parsed.output !== undefined
  } catch {
    return false
  }
}

async function readText(body: unknown): Promise<string> {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8')
  const parts: Buffer[] = []
  if (body && typeof (body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function') {
    for await (const part of body as AsyncIterable<Uint8Array | string>) {
      parts.push(typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))
    }
  }
  return Buffer.concat(parts).toString('utf8')
}
