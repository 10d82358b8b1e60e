import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { FakeServer } from '../fake-script'
import { type FakeHandler, type FakeRequest, sendJson, startHttpFake } from '../http-fake-server'
import { GATEWAY_MESSAGE, sendNotAnAnswer } from '../not-an-answer'
import { type ScriptQueue, sleep } from '../script-queue'
import { SseWriter } from '../sse-writer'
import {
  azureUnauthorized,
  errorAnswer,
  type FakeErrorAnswer,
  type FakeFlavor,
  openaiUnauthorized,
} from './openai-fake-errors'
import { checkChatRequest } from './openai-request-check'
import { answerContext, renderCompletion } from './render-openai-answer'
import { IN_STREAM_ERROR, renderStreamEvents } from './render-openai-stream'

export interface OpenAIFakeOptions {
  port?: number
  /** The bearer key OpenAI paths (/v1/…) accept. */
  openaiKey?: string
  /** The `api-key` Azure paths (/openai/…) accept. */
  azureKey?: string
  /** The bearer key compatible paths (/compat/v1/…) accept; null: they want no Authorization at all. */
  compatibleKey?: string | null
  /** Split SSE frames into uneven pieces (on by default: real networks do). */
  splitFrames?: boolean
  /**
   * Which model each Azure deployment serves (default: a deployment is named after its model).
   * Azure checks a request against the model and reports the model, dated, in the answer.
   */
  azureModels?: Record<string, string>
}

export const OPENAI_FAKE_DEFAULTS = {
  openaiKey: 'sk-proj-fakeOpenAIKey0123456789abcdefghijklmnopqrstuvwxyz',
  azureKey: '0123456789abcdef0123456789abcdef',
  compatibleKey: 'sk-or-v1-fakecompatiblekey0123456789abcdef',
} as const

const MODELS = [
  'gpt-5.4',
  'gpt-5.4-mini',
  'gpt-4.1-mini',
  'gpt-4o-mini',
  'o4-mini',
  'text-embedding-3-small',
  'whisper-1',
]

interface Route {
  flavor: FakeFlavor
  kind: 'chat' | 'models'
  /** Azure's deployment, from the path (dated api-versions) or the body (v1). */
  deployment?: string
}

/**
 * One fake for the OpenAI wire protocol and its two relatives:
 * - OpenAI: POST /v1/chat/completions, GET /v1/models (Authorization: Bearer)
 * - Azure OpenAI: POST /openai/deployments/{deployment}/chat/completions?api-version=… and the
 *   v1 API POST /openai/v1/chat/completions (api-key header)
 * - OpenAI-compatible: POST /compat/v1/chat/completions, GET /compat/v1/models (bearer or none)
 */
export async function startOpenAIFake(options: OpenAIFakeOptions = {}): Promise<FakeServer> {
  const keys = {
    openai: options.openaiKey ?? OPENAI_FAKE_DEFAULTS.openaiKey,
    azure: options.azureKey ?? OPENAI_FAKE_DEFAULTS.azureKey,
    compatible:
      options.compatibleKey === undefined
        ? OPENAI_FAKE_DEFAULTS.compatibleKey
        : options.compatibleKey,
  }
  const splitFrames = options.splitFrames ?? true

  const handler: FakeHandler = {
    authorize(req) {
      const route = routeOf(req)
      if (!route) return true // answered 404 by handle()
      if (route.flavor === 'azure')
        return req.headers['api-key'] === keys.azure && !req.headers.authorization
      const auth = req.headers.authorization
      if (route.flavor === 'compatible' && keys.compatible === null) return auth === undefined
      const expected = route.flavor === 'openai' ? keys.openai : keys.compatible
      return auth === `Bearer ${expected}`
    },
    unauthorized(req, res) {
      const route = routeOf(req)
      const bearer = /^Bearer (.*)$/.exec(req.headers.authorization ?? '')?.[1]
      send(
        res,
        route?.flavor === 'azure' ? azureUnauthorized() : openaiUnauthorized(bearer),
        route?.flavor ?? 'openai',
      )
    },
    async handle(req, res, queue) {
      const route = routeOf(req)
      if (!route) return notFound(req, res)
      if (route.kind === 'models') return listModels(res, route.flavor)
      await chat(req, res, queue, route, splitFrames, options.azureModels)
    },
  }
  // The fake's HTTP server stays internal; callers get the FakeServer interface only.
  const { url, requests, enqueue, reset, close } = await startHttpFake(handler, options.port)
  return { url, requests, enqueue, reset, close }
}

function routeOf(req: FakeRequest): Route | undefined {
  const path = req.url.pathname.replace(/\/{2,}/g, '/')
  const post = req.method === 'POST'
  if (path === '/v1/chat/completions' && post) return { flavor: 'openai', kind: 'chat' }
  if (path === '/v1/models' && !post) return { flavor: 'openai', kind: 'models' }
  if (path === '/compat/v1/chat/completions' && post) return { flavor: 'compatible', kind: 'chat' }
  if (path === '/compat/v1/models' && !post) return { flavor: 'compatible', kind: 'models' }
  if (path === '/openai/v1/chat/completions' && post) return { flavor: 'azure', kind: 'chat' }
  const deployment = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/.exec(path)?.[1]
  // Azure answers an unknown or missing api-version with 404 "Resource not found".
  const version = req.url.searchParams.get('api-version') ?? ''
  if (deployment && post && /^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version)) {
    return { flavor: 'azure', kind: 'chat', deployment: decodeURIComponent(deployment) }
  }
  return undefined
}

async function chat(
  req: FakeRequest,
  res: ServerResponse,
  queue: ScriptQueue,
  route: Route,
  splitFrames: boolean,
  azureModels: Readonly<Record<string, string>> = {},
) {
  const body = (req.json ?? {}) as Record<string, unknown> & {
    model?: string
    n?: number
    stream?: boolean
    stream_options?: { include_usage?: boolean }
  }
  const named = route.deployment ?? body.model ?? 'unknown'
  const model = route.flavor === 'azure' ? (azureModels[named] ?? named) : named
  // Refused before any script is used, as the real API refuses before generating.
  const refusal = checkChatRequest(body, route.flavor, model)
  if (refusal) return send(res, refusal, route.flavor)
  const script = queue.next({ model, body })
  if (script.notAnAnswer) {
    const error = { message: GATEWAY_MESSAGE, type: 'server_error', param: null, code: null }
    const type = body.stream ? 'text/event-stream' : 'application/json'
    return sendNotAnAnswer(res, script.notAnAnswer, { error }, type)
  }
  if (script.error) {
    await sleep(script.delayMs ?? 0)
    const answer = errorAnswer(script.error, route.flavor, script, model)
    return send(res, { ...answer, headers: { ...answer.headers, ...script.headers } }, route.flavor)
  }
  const ctx = answerContext(
    route.flavor,
    model,
    route.flavor === 'compatible' ? 1 : Math.max(1, body.n ?? 1),
  )
  if (!body.stream) {
    await sleep(script.delayMs ?? 0)
    return sendJson(res, 200, renderCompletion(script, ctx), {
      ...headersOf(route.flavor),
      ...script.headers,
    })
  }

  const sse = new SseWriter(res, { splitFrames })
  const closed = new AbortController()
  res.on('close', () => closed.abort())
  sse.open(200, { ...headersOf(route.flavor), ...script.headers })
  let content = 0
  // Cut, stall and error-after count content events; 0 means before the first one.
  const interrupt = async (): Promise<boolean> => {
    if (script.cutAfterEvents === content) {
      // Let what was written reach the client before the connection drops.
      for (let i = 0; i < 50 && (res.socket?.writableLength ?? 0) > 0; i++) await sleep(2)
      await sleep(20)
      sse.cut()
      return true
    }
    if (script.stallAfterEvents === content) return true // keep it open, silent
    if (script.errorEventAfterEvents === content) {
      await sse.event(IN_STREAM_ERROR)
      sse.end()
      return true
    }
    return false
  }
  if (await interrupt()) return
  for (const event of renderStreamEvents(
    script,
    ctx,
    body.stream_options?.include_usage === true,
  )) {
    await sleep(script.delayMs ?? 0, closed.signal)
    if (sse.isClosed) return
    await sse.event(event.data)
    if (event.content) {
      content += 1
      if (await interrupt()) return
    }
  }
  await sse.event('[DONE]')
  sse.end()
}

function headersOf(flavor: FakeFlavor): Record<string, string> {
  if (flavor === 'azure') {
    const id = randomUUID()
    return {
      'apim-request-id': id,
      'x-request-id': randomUUID(),
      'x-ms-region': 'East US 2',
      'x-ms-rai-invoked': 'true',
    }
  }
  if (flavor === 'compatible') return {}
  return {
    'x-request-id': `req_${randomUUID().replace(/-/g, '')}`,
    'openai-processing-ms': '12',
    'openai-version': '2020-10-01',
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-remaining-requests': '499',
    'x-ratelimit-reset-requests': '120ms',
  }
}

function send(res: ServerResponse, answer: FakeErrorAnswer, flavor: FakeFlavor): void {
  sendJson(res, answer.status, answer.body, { ...headersOf(flavor), ...answer.headers })
}

/** What a local server (Ollama-style tags) lists, including a model no catalog knows. */
const COMPATIBLE_MODELS = ['llama3.3:latest', 'qwen3:8b', 'gemma3:12b', 'my-finetune:q4']

function listModels(res: ServerResponse, flavor: FakeFlavor): void {
  const data = (flavor === 'compatible' ? COMPATIBLE_MODELS : MODELS).map((id) => ({
    id,
    object: 'model',
    created: 1_745_000_000,
    owned_by: flavor === 'openai' ? 'system' : 'library',
  }))
  sendJson(res, 200, { object: 'list', data }, headersOf(flavor))
}

function notFound(req: FakeRequest, res: ServerResponse): void {
  if (req.url.pathname.startsWith('/openai/')) {
    sendJson(
      res,
      404,
      { error: { code: '404', message: 'Resource not found' } },
      headersOf('azure'),
    )
    return
  }
  sendJson(res, 404, {
    error: {
      message: `Invalid URL (${req.method} ${req.url.pathname})`,
      type: 'invalid_request_error',
      param: null,
      code: null,
    },
  })
}
