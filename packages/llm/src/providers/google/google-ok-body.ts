import type { LlmError } from '../../errors/llm-error'
import { jsonOrUndefined, notAnAnswerError } from '../../internal/provider-kit/not-an-answer-error'
import type { ProviderId } from '../../types'
import { streamErrorEventError } from './google-error'

/**
 * A fetch for the SDK's generateContent call that reads a 200 answer before the SDK does: a body
 * that is no JSON (a proxy's sign-in page, an empty body) or a JSON error instead of a response
 * (a gateway's, in the API's shape) becomes `refusal()`, and the SDK gets `{}` in its place (it
 * would otherwise parse the page into a JSON error or the error into an empty response). The
 * caller raises the refusal once the SDK returns.
 */
export function refuseNonAnswers(
  base: typeof fetch,
  provider: ProviderId,
): { fetch: typeof fetch; refusal(): LlmError | undefined } {
  let refusal: LlmError | undefined
  const checking: typeof fetch = async (input, init) => {
    const response = await base(input, init)
    if (!response.ok) return response
    const text = await response.text()
    refusal = refusalOf(provider, text, response.headers)
    const init_ = { status: response.status, statusText: response.statusText }
    return new Response(refusal ? '{}' : text, { ...init_, headers: response.headers })
  }
  return { fetch: checking, refusal: () => refusal }
}

/** Why a 200 body is not an answer (see refuseNonAnswers), or undefined when it may be one. */
export function refusalOf(
  provider: ProviderId,
  text: string,
  headers: Headers,
): LlmError | undefined {
  const parsed = jsonOrUndefined(text)
  if (parsed === undefined) return notAnAnswerError(provider, text, headers.get('content-type'))
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const body = parsed as { error?: unknown; candidates?: unknown }
  if (body.error === undefined || body.candidates !== undefined) return undefined
  return (
    streamErrorEventError(provider, body) ??
    notAnAnswerError(provider, text, headers.get('content-type'))
  )
}
