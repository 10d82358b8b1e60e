import { GoogleGenAI } from '@google/genai'
import type { CallContext, ProviderPlugin } from '../provider-plugin'
import type { GeminiConnection } from '../types'
import { collectModels, createGooglePlugin, createWireTap } from './google/google-plugin'
import { toGoogleError } from './google/google-error'

const DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com'

function createGeminiClient(
  connection: GeminiConnection,
  _ctx: CallContext,
  fetchFn: typeof fetch,
): Promise<GoogleGenAI> {
  // Every option is explicit so GOOGLE_API_KEY / GOOGLE_GEMINI_BASE_URL in the environment never
  // change which key or host is used. No retryOptions: the SDK does not retry without them.
  return Promise.resolve(
    new GoogleGenAI({
      apiKey: connection.apiKey,
      httpOptions: {
        baseUrl: connection.baseURL?.replace(/\/+$/, '') || DEFAULT_BASE_URL,
        fetch: fetchFn,
      },
    }),
  )
}

export const geminiPlugin: ProviderPlugin<'gemini'> = createGooglePlugin({
  id: 'gemini',
  createClient: createGeminiClient,
  listModels: async (connection, ctx) => {
    const tap = createWireTap(ctx.fetch)
    try {
      const client = await createGeminiClient(connection, ctx, tap.fetch)
      const pager = await client.models.list({
        config: { pageSize: 1000, abortSignal: ctx.signal },
      })
      // Only models that answer generateContent (not embeddings, Imagen, Veo …).
      return await collectModels(
        pager,
        (m) => m.supportedActions?.includes('generateContent') ?? false,
      )
    } catch (error) {
      throw toGoogleError('gemini', error, tap.lastError()) ?? error
    }
  },
})
