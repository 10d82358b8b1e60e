import { GoogleGenAI, type GoogleGenAIOptions } from '@google/genai'
import { OAuth2Client } from 'google-auth-library'
import { LlmError } from '../errors/llm-error'
import type { CallContext, ListedModel, ProviderPlugin } from '../provider-plugin'
import type { VertexConnection } from '../types'
import { toGoogleError } from './google/google-error'
import { collectModels, createGooglePlugin, createWireTap } from './google/google-plugin'
import { parseServiceAccount, serviceAccountToken } from './google/service-account-token'

/** The endpoint @google/genai would pick for a location, chosen here so env vars cannot change it. */
export function vertexBaseUrl(location: string): string {
  if (location === 'global') return 'https://aiplatform.googleapis.com'
  if (location === 'us' || location === 'eu')
    return `https://aiplatform.${location}.rep.googleapis.com`
  return `https://${location}-aiplatform.googleapis.com`
}

async function createVertexClient(
  connection: VertexConnection,
  ctx: CallContext,
  fetchFn: typeof fetch,
): Promise<GoogleGenAI> {
  const location = connection.location?.trim() || 'global'
  const baseUrl = connection.baseURL?.replace(/\/+$/, '') || vertexBaseUrl(location)
  const httpOptions = { baseUrl, fetch: fetchFn }

  if (connection.serviceAccountJson?.trim()) {
    const account = parseServiceAccount('vertex', connection.serviceAccountJson)
    const project = connection.project?.trim() || account.project_id
    if (!project) {
      throw new LlmError({
        kind: 'invalid_request',
        provider: 'vertex',
        message: 'The Vertex AI connection needs a project ID.',
      })
    }
    // google-auth-library ignores a key's token_uri, so the exchange is done here (honouring it)
    // and the SDK gets an OAuth2 client that only carries the resulting access token.
    const token = await serviceAccountToken('vertex', account, ctx.fetch, ctx.signal)
    const authClient = new OAuth2Client()
    authClient.setCredentials({
      access_token: token.token,
      expiry_date: token.expiresAt,
      token_type: 'Bearer',
    })
    authClient.refreshHandler = async () => {
      const fresh = await serviceAccountToken('vertex', account, ctx.fetch, ctx.signal)
      return { access_token: fresh.token, expiry_date: fresh.expiresAt }
    }
    const options: GoogleGenAIOptions = {
      vertexai: true,
      project,
      location,
      // Two copies of google-auth-library are installed (the SDK's own and ours); the client is
      // used only through getRequestHeaders(), which both share.
      googleAuthOptions: { authClient: authClient as never },
      httpOptions,
    }
    return new GoogleGenAI(options)
  }
  if (connection.apiKey?.trim()) {
    // Express mode: publishers/google/models/… paths with x-goog-api-key, no project in the path.
    return new GoogleGenAI({ vertexai: true, apiKey: connection.apiKey, httpOptions })
  }
  throw new LlmError({
    kind: 'auth',
    provider: 'vertex',
    message:
      'The Vertex AI connection needs a service account key (serviceAccountJson) or an express-mode API key.',
  })
}

async function listVertexModels(
  connection: VertexConnection,
  ctx: CallContext,
): Promise<ListedModel[]> {
  const tap = createWireTap(ctx.fetch)
  try {
    const client = await createVertexClient(connection, ctx, tap.fetch)
    // Google's publisher models (GET …/publishers/google/models), Gemini only: the publisher list
    // also holds embeddings, Imagen and Veo, which do not chat.
    const pager = await client.models.list({
      config: { pageSize: 100, queryBase: true, abortSignal: ctx.signal },
    })
    return await collectModels(
      pager,
      (m) =>
        /(^|\/)gemini-/.test(m.name ?? '') && !/embedding|image|tts|live|audio/.test(m.name ?? ''),
    )
  } catch (error) {
    throw toGoogleError('vertex', error, tap.lastError()) ?? error
  }
}

export const vertexPlugin: ProviderPlugin<'vertex'> = createGooglePlugin({
  id: 'vertex',
  createClient: createVertexClient,
  listModels: listVertexModels,
})
