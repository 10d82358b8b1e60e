import type { ServerResponse } from 'node:http'
import type { FakeErrorKind, FakeScript, FakeServer } from '../../fakes/fake-script'
import { sendJson, startHttpFake, type FakeRequest } from '../../fakes/http-fake-server'
import { GATEWAY_MESSAGE, sendNotAnAnswer } from '../../fakes/not-an-answer'
import { finishReasonOf, sleep } from '../../fakes/script-queue'
import { SseWriter } from '../../fakes/sse-writer'
import type { EchoAnswer, EchoEvent } from './echo-wire'

export const ECHO_KEY = 'echo-key-0123456789abcdef'

/** Echo's answer to each error kind: status and body code. */
const ERRORS: Record<FakeErrorKind, [number, string]> = {
  auth: [401, 'invalid_key'],
  permission: [403, 'forbidden'],
  rate_limit: [429, 'rate_limited'],
  quota: [429, 'quota_exhausted'],
  context_length: [400, 'context_too_long'],
  invalid_request: [400, 'bad_request'],
  not_found: [404, 'model_not_found'],
  content_filter: [400, 'content_blocked'],
  overloaded: [503, 'overloaded'],
  server: [500, 'internal'],
}

/** The echo provider's fake: a JSON answer, or SSE events ending in `done`. */
export function startEchoFake(): Promise<FakeServer> {
  return startHttpFake({
    authorize: (req) => req.headers['x-echo-key'] === ECHO_KEY,
    unauthorized: (_req, res) => sendError(res, 'auth'),
    async handle(req, res, queue) {
      if (req.url.pathname === '/v1/models') {
        return sendJson(res, 200, { models: [{ id: 'echo-1' }, { id: 'echo-think' }] })
      }
      const body = req.json as { model?: string; stream?: boolean }
      const script = queue.next({ model: body.model ?? '', body })
      if (script.notAnAnswer) {
        const error = { error: { code: 'gateway', message: GATEWAY_MESSAGE } }
        const type = body.stream ? 'text/event-stream' : 'application/json'
        return sendNotAnAnswer(res, script.notAnAnswer, error, type)
      }
      if (script.error) return sendError(res, script.error, script.retryAfterSeconds)
      if (body.stream) return streamAnswer(res, script)
      await sleep(script.delayMs ?? 0)
      sendJson(res, 200, answerOf(script, req), script.headers)
    },
  })
}

function sendError(res: ServerResponse, kind: FakeErrorKind, retryAfterSeconds?: number): void {
  const [status, code] = ERRORS[kind]
  const headers: Record<string, string> = { 'x-request-id': 'req_echo_1' }
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds)
  sendJson(res, status, { error: { code, message: `Echo refused the request: ${code}.` } }, headers)
}

function answerOf(script: FakeScript, _req: FakeRequest): EchoAnswer {
  return {
    id: 'echo_answer_1',
    text: (script.text ?? []).join(''),
    ...(script.reasoning ? { reasoning: script.reasoning.join('') } : {}),
    ...(script.toolCalls
      ? {
          tool_calls: script.toolCalls.map((call, i) => ({
            id: call.id ?? `echo_call_${i}`,
            name: call.name,
            arguments: call.argumentFragments.join(''),
          })),
        }
      : {}),
    finish: finishReasonOf(script),
    ...(script.usage ? { usage: script.usage } : {}),
  }
}

function contentEvents(script: FakeScript): EchoEvent[] {
  const events: EchoEvent[] = []
  for (const text of script.reasoning ?? []) events.push({ type: 'reasoning', text })
  for (const text of script.text ?? []) events.push({ type: 'text', text })
  script.toolCalls?.forEach((call, index) =>
    call.argumentFragments.forEach((fragment, i) =>
      events.push({
        type: 'tool_call',
        index,
        ...(i === 0 ? { id: call.id ?? `echo_call_${index}`, name: call.name } : {}),
        arguments: fragment,
      }),
    ),
  )
  return events
}

async function streamAnswer(res: ServerResponse, script: FakeScript): Promise<void> {
  const sse = new SseWriter(res, { splitFrames: true })
  sse.open()
  let sent = 0
  for (const event of contentEvents(script)) {
    if (sent === script.cutAfterEvents) return sse.cut()
    if (sent === script.stallAfterEvents) return
    if (sent === script.errorEventAfterEvents) {
      await sse.event(
        JSON.stringify({ type: 'error', code: 'overloaded', message: 'Echo is overloaded.' }),
      )
      return sse.end()
    }
    await sleep(script.delayMs ?? 0)
    await sse.event(JSON.stringify(event))
    sent += 1
  }
  await sse.event(
    JSON.stringify({
      type: 'done',
      finish: finishReasonOf(script),
      ...(script.usage ? { usage: script.usage } : {}),
    }),
  )
  sse.end()
}
