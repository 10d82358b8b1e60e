import { catalogOf, findCatalogModel } from '../../capabilities'
import type { CallContext, ListedModel, ProviderPlugin } from '../../provider-plugin'
import { createAnthropicClient } from './anthropic-client'
import { toAnthropicError } from './anthropic-error'
import { convertAnthropicRequest } from './convert-anthropic-request'
import { mapAnthropicResponse } from './map-anthropic-response'
import { AnthropicChunkStream } from './anthropic-chunk-stream'
import { readAnthropicMessage } from './read-anthropic-message'

/**
 * Sent with the client's own `post` rather than `messages.create`, which prints its deprecation
 * notices with console.warn whatever the log level; the library words them to the caller's logger.
 */
const MESSAGES_PATH = '/v1/messages'

function warnIfDeprecated(model: string, ctx: CallContext): void {
  if (findCatalogModel(catalogOf('anthropic'), model)?.deprecated)
    ctx.log.warn(`The model '${model}' is deprecated; Anthropic will retire it.`)
}

/** Anthropic Messages API through the official `@anthropic-ai/sdk`. */
export function createAnthropicPlugin(): ProviderPlugin<'anthropic'> {
  return {
    id: 'anthropic',

    async complete(request, connection, ctx) {
      const client = createAnthropicClient(connection, ctx)
      const body = { ...convertAnthropicRequest(request), stream: false }
      warnIfDeprecated(body.model, ctx)
      const response = await client.post(MESSAGES_PATH, { body, signal: ctx.signal }).asResponse()
      return mapAnthropicResponse(await readAnthropicMessage(response))
    },

    stream(request, connection, ctx) {
      // The SDK sends the request (auth, headers, its non-2xx errors) when the first chunk is
      // asked for; the raw answer is read by AnthropicChunkStream, so `ping` events (which the
      // SDK's typed stream drops) still reset the idle timer, an `error` event keeps its full
      // body and a cut connection is told from a complete answer.
      const open = (): Promise<Response> => {
        const client = createAnthropicClient(connection, ctx)
        const body = { ...convertAnthropicRequest(request), stream: true }
        warnIfDeprecated(body.model, ctx)
        return client.post(MESSAGES_PATH, { body, stream: true, signal: ctx.signal }).asResponse()
      }
      return new AnthropicChunkStream(open, request.model, ctx)
    },

    async listModels(connection, ctx) {
      const client = createAnthropicClient(connection, ctx)
      const models: ListedModel[] = []
      for await (const model of client.models.list({ limit: 1000 }, { signal: ctx.signal })) {
        models.push({ id: model.id, label: model.display_name || model.id })
      }
      return models
    },

    toError(error) {
      return toAnthropicError(error)
    },
  }
}
