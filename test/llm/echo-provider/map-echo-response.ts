import type { ChatCompletion, Usage } from '../../../packages/llm/src/types'
import type { EchoAnswer, EchoUsage } from './echo-wire'

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
