import type { ChatRequest } from '../../../packages/llm/src/types'
import { isEchoReasoningModel } from './echo-model-traits'

/** The echo wire request: the OpenAI messages as they are, tools flattened to name + schema. */
export function convertEchoRequest(request: ChatRequest, stream: boolean): Record<string, unknown> {
  return {
    model: request.model,
    messages: request.messages,
    stream,
    ...(request.max_tokens ? { max_tokens: request.max_tokens } : {}),
    ...(request.tools
      ? {
          tools: request.tools.map((t) => ({
            name: t.function.name,
            schema: t.function.parameters,
          })),
        }
      : {}),
    ...(isEchoReasoningModel(request.model) && request.thinking_budget
      ? { think: request.thinking_budget }
      : {}),
  }
}
