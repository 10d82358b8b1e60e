import type { ChatCompletion, ChatCompletionChunk, Exchange, Usage } from '../types'

export function addUsage(a: Usage | undefined, b: Usage | null | undefined): Usage | undefined {
  if (!b) return a
  if (!a) return structuredClone(b)
  const sum = (x?: number, y?: number): number | undefined =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0)
  const cached = sum(a.prompt_tokens_details?.cached_tokens, b.prompt_tokens_details?.cached_tokens)
  const written = sum(
    a.prompt_tokens_details?.cache_write_tokens,
    b.prompt_tokens_details?.cache_write_tokens,
  )
  const reasoning = sum(
    a.completion_tokens_details?.reasoning_tokens,
    b.completion_tokens_details?.reasoning_tokens,
  )
  return {
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    total_tokens: a.total_tokens + b.total_tokens,
    ...(cached !== undefined || written !== undefined
      ? {
          prompt_tokens_details: {
            ...(cached !== undefined ? { cached_tokens: cached } : {}),
            ...(written !== undefined ? { cache_write_tokens: written } : {}),
          },
        }
      : {}),
    ...(reasoning !== undefined
      ? { completion_tokens_details: { reasoning_tokens: reasoning } }
      : {}),
  }
}

/** n single-choice answers as one answer with n choices; usage is the sum (each request paid for its prompt). */
export function mergeCompletions(answers: ChatCompletion[]): ChatCompletion {
  const [first] = answers
  if (!first) throw new Error('mergeCompletions needs at least one answer')
  let usage: Usage | undefined
  for (const answer of answers) usage = addUsage(usage, answer.usage)
  return {
    ...first,
    choices: answers.map((answer, index) => {
      const choice = answer.choices[0]
      if (!choice) throw new Error('an emulated choice came back empty')
      return { ...choice, index }
    }),
    ...(usage ? { usage } : {}),
  }
}

/**
 * n single-choice streams as one stream: each stream's choice becomes choice i, chunks are
 * passed on as they arrive, and one final chunk carries the summed usage.
 */
export async function* mergeStreams(
  streams: AsyncIterable<ChatCompletionChunk>[],
): AsyncGenerator<ChatCompletionChunk> {
  const iterators = streams.map((s) => s[Symbol.asyncIterator]())
  const pending = new Map<
    number,
    Promise<{ index: number; result: IteratorResult<ChatCompletionChunk> }>
  >()
  const pull = (index: number): void => {
    const iterator = iterators[index]
    if (iterator)
      pending.set(
        index,
        iterator.next().then((result) => ({ index, result })),
      )
  }
  iterators.forEach((_, index) => pull(index))

  let usage: Usage | undefined
  let response: Exchange | undefined
  let head: Pick<ChatCompletionChunk, 'id' | 'created' | 'model'> | undefined
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values())
      if (result.done) {
        pending.delete(index)
        continue
      }
      pull(index)
      const chunk = result.value
      head ??= { id: chunk.id, created: chunk.created, model: chunk.model }
      // Each request's last chunk carries its exchange: the first one is kept for the merged end.
      response ??= chunk.response
      usage = addUsage(usage, chunk.usage)
      if (chunk.choices.length === 0) continue
      const { usage: _dropped, response: _exchange, ...rest } = chunk
      yield { ...rest, id: head.id, choices: chunk.choices.map((choice) => ({ ...choice, index })) }
    }
    if (head && usage) {
      yield {
        id: head.id,
        object: 'chat.completion.chunk',
        created: head.created,
        model: head.model,
        choices: [],
        usage,
        ...(response ? { response } : {}),
      }
    }
  } finally {
    await Promise.allSettled(iterators.map((iterator) => iterator.return?.()))
  }
}
