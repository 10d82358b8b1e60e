import type OpenAI from 'openai'
import type { CallContext, ListedModel, ProviderPlugin } from '../../provider-plugin'
import type { ChatCompletion, ConnectionFor } from '../../types'
import {
  buildOpenAIRequest,
  buildOpenAIStreamRequest,
  type OpenAIDialect,
} from './build-openai-request'
import { mapOpenAICompletion } from './map-openai-completion'
import { mapOpenAIStream } from './map-openai-stream'
import { openaiErrorToLlmError } from './openai-error'

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

    stream(request, connection, ctx) {
      const client = spec.createClient(connection, ctx.fetch)
      const body = buildOpenAIStreamRequest(request, dialect)
      const open = async (): Promise<Response> =>
        client.chat.completions.create(body as never, { signal: ctx.signal }).asResponse()
      return mapOpenAIStream(open, request.model, ctx, spec.id)
    },

    async listModels(connection, ctx) {
      return spec.listModels(spec.createClient(connection, ctx.fetch), connection, ctx)
    },

    toError: (error) => openaiErrorToLlmError(error, spec.id),
  }
}
