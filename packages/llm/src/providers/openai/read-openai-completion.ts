import { APIError } from 'openai'
import { jsonOrUndefined, notAnAnswerError } from '../../internal/provider-kit/not-an-answer-error'
import type { ProviderId } from '../../types'

/**
 * The body of a 200 Chat Completions answer, parsed. A body that is not a chat completion is
 * refused: a JSON error (a gateway's or a compatible server's, in the API's own shape) as that
 * error, anything else — a proxy's sign-in page, an empty body — as `not_an_answer`. The SDK's
 * own parsing would hand such a body on as an answer with no choices, or as a string.
 */
export async function readOpenAICompletion(
  response: Response,
  provider: ProviderId,
): Promise<unknown> {
  const text = await response.text()
  const contentType = response.headers.get('content-type')
  const parsed = jsonOrUndefined(text)
  if (Array.isArray((parsed as { choices?: unknown } | null | undefined)?.choices)) return parsed
  throw openAIErrorIn(parsed, response.headers) ?? notAnAnswerError(provider, text, contentType)
}

/**
 * The SDK's error for a JSON body that is an error in the API's shape (`{"error": {...}}`)
 * although it came with a 200, as an in-stream error event is raised; undefined for any other.
 */
export function openAIErrorIn(body: unknown, headers: Headers): APIError | undefined {
  const { error, message } = (body ?? {}) as { error?: unknown; message?: unknown }
  if (error === undefined || error === null || error === false) return undefined
  const detail = typeof error === 'object' ? error : { message: String(error) }
  const text = typeof message === 'string' ? message : undefined
  // Not APIError.generate: without a status it makes a connection error of it.
  return new APIError(undefined, detail, text, headers)
}
