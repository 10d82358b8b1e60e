import { withHint } from '../../errors/hint-codes'
import { LlmError } from '../../errors/llm-error'
import type { ProviderId } from '../../types'

export const NOT_AN_ANSWER = 'not_an_answer'

/** How much of a body that is not an answer a stream keeps to say what it was. */
export const NOT_AN_ANSWER_HEAD_CHARS = 4096

/** A body's JSON value, or undefined when it is no JSON (to tell an API's error from a page). */
export function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * Whether a stream's body begins as an event stream does (a field line or a comment): one that
 * ends before its first event is complete was cut, not something else answering.
 */
export function startsLikeEventStream(head: string): boolean {
  return /^\uFEFF?\s*(?::|(?:data|event|id|retry)(?:[:\r\n]|$))/.test(head)
}

/**
 * A 200 whose body is not the API's answer: what a proxy, a captive portal or a gateway in
 * between sends (a sign-in page, its own JSON, garbage). Told apart from a cut stream (a
 * `network` error) so that the person looks at the base URL, not at their connection, and shown
 * with the start of the body (markup and runs of white space collapsed) so they can tell whose
 * page it was. Kind `server`, status 200, code `not_an_answer`.
 */
export function notAnAnswerError(
  provider: ProviderId,
  body: string,
  contentType: string | null | undefined,
  requestId?: string,
): LlmError {
  const shown = body
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200)
  const type = contentType ? contentType.split(';')[0]?.trim() || contentType : 'no content type'
  return new LlmError({
    kind: 'server',
    provider,
    status: 200,
    code: NOT_AN_ANSWER,
    message:
      shown === ''
        ? `The provider answered 200 with an empty body (${type}) instead of its answer.`
        : `The provider answered 200 with a body that is not its answer (${type}): ${shown}`,
    ...(requestId ? { requestId } : {}),
    ...withHint(
      'check_base_url',
      'Something other than the model’s API answered (a proxy sign-in page, a gateway, a captive portal): check the base URL and the network you are on.',
    ),
  })
}
