import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { FakeScript, FakeServer, RecordedRequest } from '../fake-script'
import { receive, type FakeRequest } from '../http-fake-server'
import { GATEWAY_MESSAGE, sendNotAnAnswer } from '../not-an-answer'
import { ScriptQueue, sleep } from '../script-queue'
import { SseWriter } from '../sse-writer'
import { createTestServiceAccount, type TestServiceAccount } from './service-account'
import { createTokenIssuer, type TokenIssuer } from './google-token-endpoint'
import { checkGenerateContentRequest } from './google-request-check'
import { checkThoughtSignatures } from './thought-signature-check'
import { googleCandidateFacts } from './google-facts'
import {
  badKeyBody,
  blockedBody,
  candidate,
  completeBody,
  errorBody,
  finishOf,
  GOOGLE_HEADERS,
  responseId,
  scriptParts,
  streamErrorEvent,
  unauthenticatedBody,
  usageMetadata,
  type GoogleApi,
} from './google-wire'

export interface GoogleFakeOptions {
  port?: number
  /** Accepted x-goog-api-key values (Gemini API and Vertex express mode). Default: one generated key. */
  apiKeys?: string[]
  /** Service accounts the token endpoint trusts. Default: one generated account. */
  serviceAccounts?: { clientEmail: string; publicKey: string }[]
  /** Split SSE frames into uneven pieces (default true), as real networks do. */
  splitFrames?: boolean
  /** Lifetime of issued access tokens in seconds (default 3599, like Google). */
  tokenLifetimeSeconds?: number
}

export interface GoogleFakeServer extends FakeServer {
  /** The OAuth token endpoint (a service account's token_uri). */
  tokenUri: string
  /** A valid API key (the first of options.apiKeys, or a generated one). */
  apiKey: string
  /** A generated service account the token endpoint trusts, token_uri pointing here. */
  serviceAccount: TestServiceAccount
  /** Trusts one more service account (e.g. created by a test). */
  trust(clientEmail: string, publicKey: string): void
  /** Requests to the token endpoint (kept apart from `requests`, which are API calls). */
  readonly tokenRequests: RecordedRequest[]
  readonly tokens: TokenIssuer
}

const GEMINI_CALL =
  /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/
const GEMINI_LIST = /^\/(v1|v1beta|v1alpha)\/models$/
const VERTEX_CALL =
  /^\/(v1|v1beta1)\/(?:projects\/([^/]+)\/locations\/([^/]+)\/)?publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/
const VERTEX_LIST = /^\/(v1|v1beta1)\/publishers\/google\/models$/

const LISTED_MODELS = [
  'gemini-3.5-flash',
  'gemini-3-flash-preview',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
]

/**
 * One fake for the Gemini API and Vertex AI, speaking what @google/genai sends: Gemini paths
 * (`/v1/models/{m}:generateContent`, `:streamGenerateContent?alt=sse`, `/v1/models`) with
 * x-goog-api-key; Vertex paths (`/v1beta1/projects/{p}/locations/{l}/publishers/google/models/{m}:…`)
 * with a bearer token from its own `/token` endpoint (JWT-bearer grant, RS256 verified), and
 * Vertex express mode (`/v1beta1/publishers/google/models/{m}:…` with x-goog-api-key).
 */
export async function startGoogleFake(options: GoogleFakeOptions = {}): Promise<GoogleFakeServer> {
  const queue = new ScriptQueue()
  const requests: RecordedRequest[] = []
  const tokenRequests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const tokens = createTokenIssuer(options.tokenLifetimeSeconds)
  const apiKeys = new Set(
    options.apiKeys ?? [
      `AIzaSy${Buffer.from(crypto.getRandomValues(new Uint8Array(24)))
        .toString('base64url')
        .slice(0, 33)}`,
    ],
  )
  for (const account of options.serviceAccounts ?? [])
    tokens.trust(account.clientEmail, account.publicKey)
  let base = ''

  const server = createServer((req, res) => {
    void receive(req).then(async (fake) => {
      const path = fake.url.pathname
      if (path === '/token' && fake.method === 'POST') {
        tokenRequests.push(record(fake, req.url ?? '/', true))
        const answer = tokens.exchange(fake.body, `${base}/token`)
        return sendJson(res, answer.status, answer.body, {
          'cache-control': 'no-cache, no-store, max-age=0, must-revalidate',
          pragma: 'no-cache',
        })
      }
      const route = routeOf(fake)
      const authorized = route !== undefined && authorize(fake, route)
      requests.push(record(fake, req.url ?? '/', authorized))
      if (!route) {
        return sendJson(res, 404, {
          error: {
            code: 404,
            message: `The requested URL ${path} was not found on this server.`,
            status: 'NOT_FOUND',
          },
        })
      }
      if (!authorized) {
        const answer = route.auth === 'bearer' ? unauthenticatedBody() : badKeyBody(route.api)
        return sendJson(
          res,
          answer.status,
          answer.body,
          route.stream ? { 'content-type': 'text/event-stream' } : {},
        )
      }
      try {
        if (route.kind === 'list') return sendJson(res, 200, listBody(route.api))
        const unsigned = checkThoughtSignatures(route.model ?? '', fake.json)
        const refusal =
          checkGenerateContentRequest(fake.json) ??
          (unsigned ? { status: 400, body: unsigned } : undefined)
        if (refusal) {
          return sendJson(
            res,
            refusal.status,
            refusal.body,
            route.stream ? { 'content-type': 'text/event-stream' } : {},
          )
        }
        await answer(
          res,
          route,
          queue.next({ model: route.model ?? '', body: fake.json }),
          options.splitFrames ?? true,
        )
      } catch (error) {
        if (!res.headersSent)
          sendJson(res, 500, {
            error: { code: 500, message: `fake failed: ${String(error)}`, status: 'INTERNAL' },
          })
        else res.destroy()
      }
    })
  })

  function authorize(fake: FakeRequest, route: Route): boolean {
    if (route.auth === 'key') {
      const key = header(fake, 'x-goog-api-key') ?? fake.url.searchParams.get('key') ?? ''
      return apiKeys.has(key)
    }
    const match = /^Bearer (.+)$/.exec(header(fake, 'authorization') ?? '')
    return match?.[1] !== undefined && tokens.isValid(match[1])
  }

  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const serviceAccount = createTestServiceAccount(`${base}/token`)
  tokens.trust(serviceAccount.clientEmail, serviceAccount.publicKey)

  return {
    url: base,
    tokenUri: `${base}/token`,
    apiKey: [...apiKeys][0] ?? '',
    serviceAccount,
    trust: (clientEmail, publicKey) => tokens.trust(clientEmail, publicKey),
    tokens,
    requests,
    tokenRequests,
    enqueue: (...scripts) => queue.enqueue(...scripts),
    reset() {
      queue.clear()
      requests.length = 0
      tokenRequests.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

interface Route {
  api: GoogleApi
  kind: 'call' | 'list'
  auth: 'key' | 'bearer'
  model: string
  stream: boolean
}

function routeOf(fake: FakeRequest): Route | undefined {
  const path = fake.url.pathname
  const hasKey = header(fake, 'x-goog-api-key') !== undefined || fake.url.searchParams.has('key')
  let m = GEMINI_CALL.exec(path)
  if (m && fake.method === 'POST')
    return {
      api: 'gemini',
      kind: 'call',
      auth: 'key',
      model: m[2] ?? '',
      stream: m[3] === 'streamGenerateContent',
    }
  if (GEMINI_LIST.test(path) && fake.method === 'GET')
    return { api: 'gemini', kind: 'list', auth: 'key', model: '', stream: false }
  m = VERTEX_CALL.exec(path)
  if (m && fake.method === 'POST') {
    // Project paths take OAuth; express-mode paths (no project) take an API key.
    const auth = m[2] === undefined || (hasKey && !header(fake, 'authorization')) ? 'key' : 'bearer'
    return {
      api: 'vertex',
      kind: 'call',
      auth,
      model: m[4] ?? '',
      stream: m[5] === 'streamGenerateContent',
    }
  }
  if (VERTEX_LIST.test(path) && fake.method === 'GET') {
    return {
      api: 'vertex',
      kind: 'list',
      auth: header(fake, 'authorization') ? 'bearer' : 'key',
      model: '',
      stream: false,
    }
  }
  return undefined
}

async function answer(
  res: ServerResponse,
  route: Route,
  script: FakeScript,
  splitFrames: boolean,
): Promise<void> {
  if (script.notAnAnswer) {
    const error = { error: { code: 500, message: GATEWAY_MESSAGE, status: 'INTERNAL' } }
    const type = route.stream ? 'text/event-stream' : 'application/json; charset=UTF-8'
    return sendNotAnAnswer(res, script.notAnAnswer, error, type)
  }
  if (script.error && script.error !== 'content_filter') {
    await sleep(script.delayMs ?? 0)
    const { status, body } = errorBody(script.error, route.api, route.model, script)
    // On an alt=sse request Google still answers errors with JSON text, typed text/event-stream.
    return sendJson(res, status, body, {
      ...(route.stream ? { 'content-type': 'text/event-stream' } : {}),
      ...script.headers,
    })
  }
  if (!route.stream) {
    await sleep(script.delayMs ?? 0)
    const body =
      script.error === 'content_filter'
        ? blockedBody(script, route.model)
        : completeBody(script, route.model, route.api)
    return sendJson(res, 200, body, script.headers)
  }
  const sse = new SseWriter(res, { lineEnding: '\r\n', splitFrames })
  sse.open(200, {
    ...GOOGLE_HEADERS,
    'content-type': 'text/event-stream',
    'content-disposition': 'attachment',
    ...script.headers,
  })
  if (script.error === 'content_filter') {
    await sleep(script.delayMs ?? 0)
    await sse.event(JSON.stringify(blockedBody(script, route.model)))
    return sse.end()
  }
  const id = responseId()
  const parts = scriptParts(script)
  const events = parts.length > 0 ? parts : [{ text: '' }]
  for (let i = 0; i < events.length; i++) {
    if (script.cutAfterEvents !== undefined && i >= script.cutAfterEvents) {
      // Let the bytes already written reach the client, then drop the connection.
      await sleep(25)
      return sse.cut()
    }
    if (script.stallAfterEvents !== undefined && i >= script.stallAfterEvents) return // keep the connection open
    if (script.errorEventAfterEvents !== undefined && i >= script.errorEventAfterEvents) {
      await sse.event(JSON.stringify(streamErrorEvent()))
      return sse.end()
    }
    await sleep(script.delayMs ?? 0)
    if (sse.isClosed) return
    const last = i === events.length - 1
    const part = events[i] ?? { text: '' }
    await sse.event(
      JSON.stringify({
        candidates: [
          {
            ...candidate([part], last ? finishOf(script) : undefined),
            ...googleCandidateFacts(script, i, last),
          },
        ],
        usageMetadata: usageMetadata(script, last),
        modelVersion: route.model,
        responseId: id,
      }),
    )
  }
  sse.end()
}

function listBody(api: GoogleApi): unknown {
  if (api === 'vertex') {
    return {
      publisherModels: [...LISTED_MODELS, 'text-embedding-005', 'imagen-4.0-generate-001'].map(
        (id) => ({
          name: `publishers/google/models/${id}`,
          versionId: '001',
          openSourceCategory: 'PROPRIETARY',
          launchStage: 'GA',
        }),
      ),
    }
  }
  return {
    models: [
      ...LISTED_MODELS.map((id) => ({
        name: `models/${id}`,
        version: '001',
        displayName: id.replace(/^gemini-/, 'Gemini ').replace(/-/g, ' '),
        inputTokenLimit: 1048576,
        outputTokenLimit: 65536,
        supportedGenerationMethods: [
          'generateContent',
          'countTokens',
          'createCachedContent',
          'batchGenerateContent',
        ],
        temperature: 1,
        topP: 0.95,
        topK: 64,
        maxTemperature: 2,
        thinking: true,
      })),
      {
        name: 'models/gemini-embedding-001',
        version: '001',
        displayName: 'Gemini Embedding 001',
        inputTokenLimit: 2048,
        outputTokenLimit: 1,
        supportedGenerationMethods: [
          'embedContent',
          'countTextTokens',
          'countTokens',
          'asyncBatchEmbedContent',
        ],
      },
    ],
  }
}

function header(fake: FakeRequest, name: string): string | undefined {
  const value = fake.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function record(fake: FakeRequest, url: string, authorized: boolean): RecordedRequest {
  return {
    method: fake.method,
    url,
    headers: { ...fake.headers },
    body: fake.body,
    json: fake.json,
    authorized,
    at: Date.now(),
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body, null, 2)
  res.writeHead(status, {
    ...GOOGLE_HEADERS,
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}
