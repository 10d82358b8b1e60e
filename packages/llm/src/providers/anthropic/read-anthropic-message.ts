import type { Message } from '@anthropic-ai/sdk/resources/messages/messages'
import type { LlmError } from '../../errors/llm-error'
import { jsonOrUndefined, notAnAnswerError } from '../../internal/provider-kit/not-an-answer-error'
import { errorFromBody, type AnthropicErrorBody } from './anthropic-error'

/**
 * The body of a 200 Messages answer, parsed. A body that is not a message is refused: an error
 * in the API's shape (`{"type":"error","error":{…}}`, a gateway's) as that error, anything else —
 * a proxy's sign-in page, an empty body — as `not_an_answer`.
 */
export async function readAnthropicMessage(response: Response): Promise<Message> {
  const text = await response.text()
  const parsed = jsonOrUndefined(text)
  const body = parsed as { content?: unknown } | undefined
  if (body !== null && typeof body === 'object' && Array.isArray(body.content)) {
    return parsed as Message
  }
  throw notAMessageError(parsed, text, response.headers)
}

/** The error for a 200 body that is no message (nor, for a stream, any event): see above. */
export function notAMessageError(parsed: unknown, text: string, headers: Headers): LlmError {
  const body = parsed as AnthropicErrorBody | null | undefined
  if (body !== null && typeof body === 'object' && body.error && typeof body.error === 'object') {
    return errorFromBody(body, undefined, headers)
  }
  return notAnAnswerError('anthropic', text, headers.get('content-type'))
}
