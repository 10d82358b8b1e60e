import type OpenAI from 'openai'
import type { CallContext, ListedModel, ProviderPlugin, SdkLogger } from '../../provider-plugin'
import type { ChatCompletion, ConnectionFor } from '../../types'
import {
  convertOpenAIRequest,
  convertOpenAIStreamRequest,
  type OpenAIDialect,
} from './convert-openai-request'
import { mapOpenAIResponse } from './map-openai-response'
import { mapOpenAIStream } from './map-openai-stream'
import { readOpenAICompletion } from './read-openai-completion'
import { toOpenAIError } from './openai-error'

type OpenAIFamily = 'openai' | 'azure' | 'openai-compatible'

export interface OpenAIPluginOptions<P extends OpenAIFamily> {
  id: P
  /** A client for one call; it lives only as long as the call (credentials are never kept). */
  createClient(
    connection: ConnectionFor<P>,
    fetch: typeof globalThis.fetch,
    logger: SdkLogger,
  ): OpenAI
  listModels(client: OpenAI, connection: ConnectionFor<P>, ctx: CallContext): Promise<ListedModel[]>
}

/** OpenAI, Azure OpenAI and compatible servers share the Chat Completions wire format. */
export function createOpenAIPlugin<P extends OpenAIFamily>(
  options: OpenAIPluginOptions<P>,
): ProviderPlugin<P> {
  const dialect: OpenAIDialect = options.id
  return {
    id: options.id,

    async complete(request, connection, ctx): Promise<ChatCompletion> {
      const client = options.createClient(connection, ctx.fetch, ctx.log)
      const body = convertOpenAIRequest(request, dialect)
      const response = await client.chat.completions
        .create(body as never, { signal: ctx.signal })
        .asResponse()
      return mapOpenAIResponse(await readOpenAICompletion(response, options.id), request.model)
    },

    stream(request, connection, ctx) {
      const client = options.createClient(connection, ctx.fetch, ctx.log)
      const body = convertOpenAIStreamRequest(request, dialect)
      const open = async (): Promise<Response> =>
        client.chat.completions.create(body as never, { signal: ctx.signal }).asResponse()
      return mapOpenAIStream(open, request.model, ctx, options.id)
    },

    async listModels(connection, ctx) {
      return options.listModels(
        options.createClient(connection, ctx.fetch, ctx.log),
        connection,
        ctx,
      )
    },

    toError: (error) => toOpenAIError(error, options.id),
  }
}
