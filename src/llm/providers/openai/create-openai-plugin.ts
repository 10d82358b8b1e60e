import type OpenAI from 'openai'
import { LlmError } from '../../errors/llm-error'
import type { CallContext, ListedModel, ProviderPlugin } from '../../provider-plugin'
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, ConnectionFor } from '../../types'
import {
  buildOpenAIRequest,
  buildOpenAIStreamRequest,
  type OpenAIDialect,
} from './build-openai-request'
import { mapOpenAICompletion } from './map-openai-completion'
import { OpenAIChunkNormalizer } from './normalize-openai-chunk'
import { openaiErrorToLlmError } from './openai-error'
import { watchSseEnd, type SseEndWatcher } from './sse-end-watcher'

type OpenAIFamily = 'openai' | 'azure' | 'openai-compatible'

export interface OpenAIPluginSpec<P extends OpenAIFamily> {
  id: P
  /** A client for one call; it lives only as long as the call (credentials are never kept). */
  createClient(connection: ConnectionFor<P>, fetch: typeof globalThis.fetch): OpenAI
  listModels(client: OpenAI, connection: ConnectionFor<P>, ctx: CallContext): Promise<ListedModel[]>
}

/** OpenAI, Azure OpenAI and compatible servers share the Chat Completions wire format. */
export function createOpenAIPlugin<P extends OpenAIFamily>(
  spec: OpenAIPluginSpec<P>,
): ProviderPlugin<P> {
  const dialect: OpenAIDialect = spec.id
  return {
    id: spec.id,

    async complete(request, connection, ctx): Promise<ChatCompletion> {
      const client = spec.createClient(connection, ctx.fetch)
      const body = buildOpenAIRequest(request, dialect)
      const answer: unknown = await client.chat.completions.create(body as never, {
        signal: ctx.signal,
      })
      return mapOpenAICompletion(answer, request.model)
    },

    stream: (request, connection, ctx) => streamAnswer(spec, dialect, request, connection, ctx),

    async listModels(connection, ctx) {
      return spec.listModels(spec.createClient(connection, ctx.fetch), connection, ctx)
    },

    toError: (error) => openaiErrorToLlmError(error, spec.id),
  }
}

function streamAnswer<P extends OpenAIFamily>(
  spec: OpenAIPluginSpec<P>,
  dialect: OpenAIDialect,
  request: ChatRequest,
  connection: ConnectionFor<P>,
  ctx: CallContext,
): AsyncIterable<ChatCompletionChunk> {
  const watcher = watchSseEnd(ctx.fetch)
  const client = spec.createClient(connection, watcher.fetch)
  const body = buildOpenAIStreamRequest(request, dialect)
  const open = async (): Promise<AsyncIterator<unknown>> => {
    const events = (await client.chat.completions.create(body as never, {
      signal: ctx.signal,
    })) as unknown as AsyncIterable<unknown>
    return events[Symbol.asyncIterator]()
  }
  return {
    [Symbol.asyncIterator]: () =>
      new OpenAIChunkStream(open, new OpenAIChunkNormalizer(request.model), watcher, ctx, spec.id),
  }
}

/**
 * The SDK's chunks as ours. Hand-written rather than an async generator: it runs once per
 * chunk, and a generator hop costs more than a promise.
 */
class OpenAIChunkStream implements AsyncIterator<ChatCompletionChunk> {
  private source: AsyncIterator<unknown> | undefined
  private ended = false

  constructor(
    private readonly open: () => Promise<AsyncIterator<unknown>>,
    private readonly normalizer: OpenAIChunkNormalizer,
    private readonly watcher: SseEndWatcher,
    private readonly ctx: CallContext,
    private readonly provider: OpenAIFamily,
  ) {}

  async next(): Promise<IteratorResult<ChatCompletionChunk>> {
    if (this.ended) return { done: true, value: undefined }
    this.source ??= await this.open()
    return this.pull()
  }

  async return(): Promise<IteratorResult<ChatCompletionChunk>> {
    this.ended = true
    await this.source?.return?.()
    return { done: true, value: undefined }
  }

  private pull(): Promise<IteratorResult<ChatCompletionChunk>> {
    return (this.source as AsyncIterator<unknown>).next().then(this.onWire)
  }

  private readonly onWire = (
    wire: IteratorResult<unknown>,
  ): IteratorResult<ChatCompletionChunk> | Promise<IteratorResult<ChatCompletionChunk>> => {
    if (wire.done) return this.finish()
    const chunk = this.normalizer.next(wire.value)
    if (chunk) return { done: false, value: chunk }
    this.ctx.touch()
    return this.pull()
  }

  private finish(): IteratorResult<ChatCompletionChunk> {
    this.ended = true
    // The SDK returns quietly when aborted or when the connection closes: neither is an answer.
    if (this.ctx.signal.aborted) throw this.ctx.signal.reason
    if (!this.watcher.ended) {
      throw new LlmError({
        kind: 'network',
        provider: this.provider,
        message: this.normalizer.sawFinish
          ? 'The stream closed before the provider’s end marker ([DONE]).'
          : 'The connection closed in the middle of the answer (no finish reason, no [DONE]).',
      })
    }
    const usage = this.normalizer.finalUsageChunk()
    return usage ? { done: false, value: usage } : { done: true, value: undefined }
  }
}
