import type { CallContext, ProviderPlugin } from '../../../packages/llm/src/provider-plugin'
import { convertEchoRequest } from './convert-echo-request'
import { toEchoError } from './echo-error'
import { echoConnectionOf, ECHO } from './echo-id'
import { mapEchoResponse, readEchoAnswer } from './map-echo-response'
import { mapEchoStream } from './map-echo-stream'
import type { EchoErrorBody } from './echo-wire'

export interface EchoPluginOptions {
  /** The path under the base URL that answers chat requests. */
  chatPath: string
}

/** Echo speaks plain HTTP + SSE through `ctx.fetch` (no SDK), so the plugin is its own client. */
export function createEchoPlugin({ chatPath }: EchoPluginOptions): ProviderPlugin {
  async function send(
    connection: unknown,
    ctx: CallContext,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    const { apiKey, baseURL } = echoConnectionOf(connection)
    const response = await ctx.fetch(`${baseURL}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', 'x-echo-key': apiKey },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: ctx.signal,
    })
    if (!response.ok) {
      const error = (await response.json().catch(() => ({}))) as EchoErrorBody
      throw toEchoError(response.status, response.headers, error)
    }
    return response
  }

  return {
    id: ECHO,
    async complete(request, connection, ctx) {
      const response = await send(connection, ctx, chatPath, convertEchoRequest(request, false))
      return mapEchoResponse(await readEchoAnswer(response), request.model)
    },
    async *stream(request, connection, ctx) {
      const response = await send(connection, ctx, chatPath, convertEchoRequest(request, true))
      if (!response.body) throw toEchoError(response.status, response.headers, {})
      yield* mapEchoStream(response.body, response.headers, request.model, ctx)
    },
    async listModels(connection, ctx) {
      const response = await send(connection, ctx, '/v1/models')
      const { models } = (await response.json()) as { models: { id: string }[] }
      return models.map((m) => ({ id: m.id }))
    },
    // Echo's errors are LlmErrors by the time they leave `send` or the stream; the generic layer
    // classifies aborts, timeouts and network failures itself.
    toError: () => undefined,
  }
}
