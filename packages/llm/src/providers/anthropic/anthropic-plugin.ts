import { Stream } from '@anthropic-ai/sdk/core/streaming'
import type { Message } from '@anthropic-ai/sdk/resources/messages/messages'
import { limitSseEvents, STREAM_EVENT_LIMITS } from '../../internal/stream-event-limit'
import { catalogOf, findCatalogModel } from '../../capabilities'
import type { CallContext, ListedModel, ProviderPlugin } from '../../provider-plugin'
import { createAnthropicClient } from './anthropic-client'
import { toAnthropicError } from './anthropic-error'
import { convertAnthropicRequest } from './convert-anthropic-request'
import { mapAnthropicResponse } from './map-anthropic-response'
import { mapAnthropicStream } from './map-anthropic-stream'

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
      const message = await client.post<Message>(MESSAGES_PATH, {
        body,
        signal: ctx.signal,
      })
      return mapAnthropicResponse(message)
    },

    async *stream(request, connection, ctx) {
      const client = createAnthropicClient(connection, ctx)
      // The raw response, read with the SDK's own SSE parser, so `ping` events (which its typed
      // stream drops) still reset the idle timer and an `error` event keeps its full body.
      const body = { ...convertAnthropicRequest(request), stream: true }
      warnIfDeprecated(body.model, ctx)
      const response = await client
        .post(MESSAGES_PATH, { body, stream: true, signal: ctx.signal })
        .asResponse()
      const controller = new AbortController()
      const limit = response.body
        ? limitSseEvents(response.body, 'anthropic', STREAM_EVENT_LIMITS.sse)
        : undefined
      const limited = limit
        ? new Response(limit.body, { status: response.status, headers: response.headers })
        : response
      const events = Stream.rawEvents(limited, controller)
      try {
        yield* mapAnthropicStream(events, request.model, ctx, response.headers)
      } catch (error) {
        throw limit?.tripped() ?? error
      } finally {
        controller.abort()
        await response.body?.cancel().catch(() => {})
      }
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
