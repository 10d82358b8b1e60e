import type { ServerResponse } from 'node:http'
import type { FakeServer } from '../fake-script'
import { sendJson, startHttpFake, type FakeRequest } from '../http-fake-server'
import { GATEWAY_MESSAGE, sendNotAnAnswer } from '../not-an-answer'
import { sleep } from '../script-queue'
import { SseWriter } from '../sse-writer'
import { anthropicErrorAnswer, requestId } from './anthropic-errors'
import { anthropicMessage } from './anthropic-message'
import { checkMessagesRequest } from './anthropic-request-check'
import { writeAnthropicStream } from './anthropic-stream-writer'

export interface AnthropicFakeOptions {
  port?: number
  /** The key the fake accepts. Default: a fake but real-shaped `sk-ant-api03-…` key. */
  apiKey?: string
  /** Split SSE frames into uneven pieces (clients must reassemble them). Default true. */
  splitFrames?: boolean
  lineEnding?: '\n' | '\r\n'
  /** Model ids GET /v1/models lists. */
  models?: string[]
}

export const ANTHROPIC_FAKE_KEY = 'sk-ant-api03-fake0KEY0for0parallax0tests0only0x1y2z3-AbCdEfAA'

const DEFAULT_MODELS = [
  'claude-opus-5-5',
  'claude-sonnet-5-5',
  'claude-haiku-5-5',
  'claude-sonnet-4-6',
  'claude-haiku-4-5-20251001',
]

/**
 * A local Anthropic Messages API: POST /v1/messages (JSON or SSE) and GET /v1/models (paged).
 * It checks the key the official SDK sends (`Authorization: Bearer` since SDK 1.x; `x-api-key`
 * for older clients) and the required `anthropic-version` header.
 */
export async function startAnthropicFake(
  options: AnthropicFakeOptions = {},
): Promise<FakeServer & { apiKey: string }> {
  const apiKey = options.apiKey ?? ANTHROPIC_FAKE_KEY
  const models = options.models ?? DEFAULT_MODELS

  const fake = await startHttpFake(
    {
      authorize(req) {
        const bearer = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1]
        const key = header(req, 'x-api-key') ?? bearer
        return key === apiKey
      },
      unauthorized(_req, res) {
        const answer = anthropicErrorAnswer({ error: 'auth' })
        sendJson(res, answer.status, answer.body, answer.headers)
      },
      async handle(req, res, queue) {
        if (!header(req, 'anthropic-version')) {
          return sendError(
            res,
            400,
            'invalid_request_error',
            'anthropic-version: header is required',
          )
        }
        if (req.method === 'GET' && req.url.pathname === '/v1/models')
          return listModels(req, res, models)
        if (req.method !== 'POST' || req.url.pathname !== '/v1/messages') {
          return sendError(res, 404, 'not_found_error', 'Not found')
        }
        const body = req.json as
          { model?: string; stream?: boolean; max_tokens?: number } | undefined
        if (!body?.model || typeof body.max_tokens !== 'number') {
          return sendError(
            res,
            400,
            'invalid_request_error',
            body?.model ? 'max_tokens: Field required' : 'model: Field required',
          )
        }
        const refusal = checkMessagesRequest(
          body as Record<string, unknown>,
          header(req, 'anthropic-version') ?? '',
          header(req, 'anthropic-beta') !== undefined,
        )
        if (refusal) return sendError(res, refusal.status, refusal.type, refusal.message)
        const script = queue.next({ model: String(body?.model ?? ''), body })
        if (script.notAnAnswer) {
          const error = { type: 'error', error: { type: 'api_error', message: GATEWAY_MESSAGE } }
          const type = body.stream ? 'text/event-stream; charset=utf-8' : 'application/json'
          return sendNotAnAnswer(res, script.notAnAnswer, error, type)
        }
        if (script.error) {
          if (script.delayMs) await sleep(script.delayMs)
          const answer = anthropicErrorAnswer({ ...script, error: script.error })
          return sendJson(res, answer.status, answer.body, { ...answer.headers, ...script.headers })
        }
        if (!body.stream) {
          if (script.delayMs) await sleep(script.delayMs)
          return sendJson(res, 200, anthropicMessage(script, body.model), {
            'request-id': requestId(),
            ...script.headers,
          })
        }
        const sse = new SseWriter(res, {
          splitFrames: options.splitFrames ?? true,
          lineEnding: options.lineEnding ?? '\n',
        })
        sse.open(200, { 'request-id': requestId(), ...script.headers })
        await writeAnthropicStream(sse, res, script, body.model)
      },
    },
    options.port,
  )
  return Object.assign(fake, { apiKey })
}

function header(req: FakeRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  const id = requestId()
  sendJson(
    res,
    status,
    { type: 'error', error: { type, message }, request_id: id },
    { 'request-id': id },
  )
}

function listModels(req: FakeRequest, res: ServerResponse, ids: string[]): void {
  const limit = Math.min(1000, Math.max(1, Number(req.url.searchParams.get('limit') ?? 20) || 20))
  const after = req.url.searchParams.get('after_id')
  const start = after ? ids.indexOf(after) + 1 : 0
  const page = ids.slice(start, start + limit)
  sendJson(res, 200, {
    data: page.map((id) => ({
      type: 'model',
      id,
      display_name: displayName(id),
      created_at: '2026-10-07T00:00:00Z',
    })),
    has_more: start + limit < ids.length,
    first_id: page[0] ?? null,
    last_id: page.at(-1) ?? null,
  })
}

function displayName(id: string): string {
  const [, family = '', version = ''] = /^claude-([a-z]+)-([\d-]+?)(?:-\d{8})?$/.exec(id) ?? []
  if (!family) return id
  return `Claude ${family[0]?.toUpperCase()}${family.slice(1)} ${version.replace('-', '.')}`
}
