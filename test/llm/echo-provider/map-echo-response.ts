import type { LlmError } from '../../../packages/llm/src/errors/llm-error'
import {
  jsonOrUndefined,
  notAnAnswerError,
} from '../../../packages/llm/src/internal/provider-kit/not-an-answer-error'
import type { ChatCompletion, Usage } from '../../../packages/llm/src/types'
import { toEchoError } from './echo-error'
import { ECHO } from './echo-id'
import type { EchoAnswer, EchoErrorBody, EchoUsage } from './echo-wire'

export function mapEchoUsage(usage: EchoUsage): Usage {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    ...(usage.reasoning
      ? { completion_tokens_details: { reasoning_tokens: usage.reasoning } }
      : {}),
  }
}

export function mapEchoResponse(answer: EchoAnswer, model: string): ChatCompletion {
  const toolCalls = (answer.tool_calls ?? []).map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }))
  return {
    id: answer.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answer.text === '' && toolCalls.length > 0 ? null : answer.text,
          ...(answer.reasoning ? { reasoning_content: answer.reasoning } : {}),
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
        finish_reason: answer.finish,
        // Echo's wire already uses the OpenAI names.
        provider_finish_reason: answer.finish,
      },
    ],
    ...(answer.usage ? { usage: mapEchoUsage(answer.usage) } : {}),
  }
}

/** A 200 body that is echo's answer; anything else is refused (see notAnAnswerError). */
export async function readEchoAnswer(response: Response): Promise<EchoAnswer> {
  const text = await response.text()
  const parsed = jsonOrUndefined(text)
  const answer = parsed as Partial<EchoAnswer> | null | undefined
  if (answer && typeof answer === 'object' && typeof answer.text === 'string') {
    return answer as EchoAnswer
  }
  throw notAnEchoAnswer(parsed, text, response.headers)
}

/** An error in echo's shape although it came with a 200, else `not_an_answer`. */
export function notAnEchoAnswer(parsed: unknown, text: string, headers: Headers): LlmError {
  const body = parsed as EchoErrorBody | null | undefined
  if (body && typeof body === 'object' && body.error) return toEchoError(200, headers, body)
  return notAnAnswerError(ECHO, text, headers.get('content-type'))
}
