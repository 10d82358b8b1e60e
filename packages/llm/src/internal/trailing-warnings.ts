import type { CallWarning, ChatCompletionChunk } from '../types'

/**
 * The stream as it comes, then one more chunk with no choices that carries the warnings (and the
 * usage again, so the last chunk still carries it). Only used when a field was dropped.
 */
export async function* withTrailingWarnings(
  chunks: AsyncIterable<ChatCompletionChunk>,
  warnings: CallWarning[],
): AsyncGenerator<ChatCompletionChunk> {
  let last: ChatCompletionChunk | undefined
  let usage: ChatCompletionChunk['usage']
  for await (const chunk of chunks) {
    last = chunk
    if (chunk.usage) usage = chunk.usage
    yield chunk
  }
  yield {
    id: last?.id ?? '',
    object: 'chat.completion.chunk',
    created: last?.created ?? Math.floor(Date.now() / 1000),
    model: last?.model ?? '',
    choices: [],
    ...(usage ? { usage } : {}),
    warnings,
  }
}
