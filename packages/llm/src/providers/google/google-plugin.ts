import type { GoogleGenAI } from '@google/genai'
import type { CallContext, ListedModel, ProviderPlugin } from '../../provider-plugin'
import type { ChatCompletion, ChatCompletionChunk, ChatRequest, ConnectionFor } from '../../types'
import { convertGoogleRequest } from './convert-google-request'
import { GoogleChunkStream, takeEventStream, type GoogleStreamSource } from './google-chunk-stream'
import { refuseNonAnswers } from './google-ok-body'
import { toGoogleError, type ResponseInfo } from './google-error'
import { mapGoogleResponse } from './map-google-response'

type GoogleProvider = 'gemini' | 'vertex'

/** A fetch that remembers the status and headers of the last non-OK response (ApiError drops them). */
export interface WireTap {
  fetch: typeof fetch
  lastError(): ResponseInfo | undefined
}

export function createWireTap(base: typeof fetch): WireTap {
  let last: ResponseInfo | undefined
  const tapped: typeof fetch = async (input, init) => {
    const response = await base(input, init)
    if (!response.ok) last = { status: response.status, headers: response.headers }
    return response
  }
  return { fetch: tapped, lastError: () => last }
}

export interface GooglePluginOptions<P extends GoogleProvider> {
  id: P
  createClient(
    connection: ConnectionFor<P>,
    ctx: CallContext,
    fetchFn: typeof fetch,
  ): Promise<GoogleGenAI>
  listModels: ProviderPlugin<P>['listModels']
}

/** complete / stream / toError shared by the Gemini API and Vertex AI plugins. */
export function createGooglePlugin<P extends GoogleProvider>({
  id,
  createClient,
  listModels,
}: GooglePluginOptions<P>): ProviderPlugin<P> {
  const fail = (error: unknown, tap: WireTap): unknown =>
    toGoogleError(id, error, tap.lastError()) ?? error

  return {
    id,
    async complete(
      request: ChatRequest,
      connection: ConnectionFor<P>,
      ctx: CallContext,
    ): Promise<ChatCompletion> {
      const tap = createWireTap(ctx.fetch)
      const checked = refuseNonAnswers(tap.fetch, id)
      try {
        const client = await createClient(connection, ctx, checked.fetch)
        const response = await client.models.generateContent(
          convertGoogleRequest(id, request, ctx.signal),
        )
        const refusal = checked.refusal()
        if (refusal) throw refusal
        return mapGoogleResponse(id, response, request.model)
      } catch (error) {
        throw fail(error, tap)
      }
    },
    stream(
      request: ChatRequest,
      connection: ConnectionFor<P>,
      ctx: CallContext,
    ): AsyncIterable<ChatCompletionChunk> {
      // The SDK builds, authenticates and sends the request and raises HTTP errors; the answer's
      // event stream is read by GoogleChunkStream (the SDK's own parsing costs ~10× the floor).
      const open = async (): Promise<GoogleStreamSource> => {
        const tap = createWireTap(ctx.fetch)
        const take = takeEventStream(tap.fetch, id)
        try {
          const client = await createClient(connection, ctx, take.fetch)
          const events = await client.models.generateContentStream(
            convertGoogleRequest(id, request, ctx.signal),
          )
          const refusal = take.refusal()
          if (refusal) throw refusal
          const body = take.taken()
          return body ? { body } : { events }
        } catch (error) {
          throw fail(error, tap)
        }
      }
      return {
        [Symbol.asyncIterator]: () => new GoogleChunkStream(id, request.model, ctx, open),
      }
    },
    listModels,
    toError: (error) => toGoogleError(id, error),
  }
}

export async function collectModels(
  pager: AsyncIterable<{ name?: string; displayName?: string; supportedActions?: string[] }>,
  filter: (model: { name?: string; supportedActions?: string[] }) => boolean,
): Promise<ListedModel[]> {
  const models: ListedModel[] = []
  for await (const model of pager) {
    if (!model.name || !filter(model)) continue
    const id = model.name.slice(model.name.lastIndexOf('/') + 1)
    models.push({ id, ...(model.displayName ? { label: model.displayName } : {}) })
  }
  return models
}
