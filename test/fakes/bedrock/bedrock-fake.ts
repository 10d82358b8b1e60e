import { randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { FakeScript, FakeServer, RecordedRequest } from '../fake-script'
import { ScriptQueue, sleep } from '../script-queue'
import {
  BEDROCK_NS,
  bedrockErrorFor,
  invalidApiKey,
  signatureError,
  unrecognizedClient,
  type BedrockErrorAnswer,
} from './bedrock-error-bodies'
import { foundationModelsBody, inferenceProfilesBody } from './bedrock-models'
import { checkConverseRequest } from './bedrock-request-check'
import { checkOpenModelConverse } from './open-model-request-check'
import { converseBody, converseStreamEvents, withPadding } from './converse-render'
import {
  cutResponse,
  listenHttp1AndH2c,
  writeHead,
  type AnyRequest,
  type AnyResponse,
} from './dual-protocol-server'
import { encodeEvent, encodeException } from './event-stream'
import { GATEWAY_MESSAGE, sendNotAnAnswer } from '../not-an-answer'
import { verifySigV4, type AwsCredentials } from './sigv4'

export interface BedrockFakeOptions {
  port?: number
  /** The region requests must be signed for. Default us-east-1. */
  region?: string
  /** Access key pairs (optionally with a session token) the fake accepts. */
  credentials?: AwsCredentials[]
  /** Bedrock API keys accepted as `Authorization: Bearer …`. */
  apiKeys?: string[]
  /** Write each event-stream frame in two uneven pieces (default true). */
  splitFrames?: boolean
}

/** Fake but real-shaped credentials (never valid anywhere). */
export const FAKE_BEDROCK_CREDENTIALS: AwsCredentials = {
  accessKeyId: 'AKIAFAKEPARALLAX7Q2X',
  secretAccessKey: 'fAkE+sEcReT/ParallaxTestKey0000000000000',
}
export const FAKE_BEDROCK_SESSION: AwsCredentials = {
  accessKeyId: 'ASIAFAKEPARALLAX3K9Z',
  secretAccessKey: 'fAkE+sEsSiOn/ParallaxTestKey000000000000',
  sessionToken: 'IQoJb3JpZ2luX2VjEFakeParallaxSessionToken//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==',
}
export const FAKE_BEDROCK_API_KEY =
  'ABSKQmVkcm9ja0FQSUtleS1mYWtlLWF0LTEyMzQ1Njc4OTAxMjpQYXJhbGxheFRlc3RLZXk='

export type BedrockFake = FakeServer & { region: string }

/**
 * A local AWS Bedrock: Converse, ConverseStream (binary event stream with CRCs), and the
 * control plane's ListFoundationModels / ListInferenceProfiles, over HTTP/1.1 and h2c on one
 * port. Every request's SigV4 signature is recomputed from the configured secret key; bearer
 * API keys are checked against `apiKeys`.
 */
export async function startBedrockFake(options: BedrockFakeOptions = {}): Promise<BedrockFake> {
  const region = options.region ?? 'us-east-1'
  const credentials = options.credentials ?? [FAKE_BEDROCK_CREDENTIALS, FAKE_BEDROCK_SESSION]
  const apiKeys = options.apiKeys ?? [FAKE_BEDROCK_API_KEY]
  const split = options.splitFrames ?? true
  const queue = new ScriptQueue()
  const requests: RecordedRequest[] = []

  const handler = (req: AnyRequest, res: AnyResponse): void => {
    void readBody(req).then(async (body) => {
      const url = req.url ?? '/'
      const headers = { ...req.headers } as RecordedRequest['headers']
      const refusal = authorize(req.method ?? 'GET', url, headers, body)
      let json: unknown
      try {
        json = body ? JSON.parse(body) : undefined
      } catch {
        json = undefined
      }
      requests.push({
        method: req.method ?? 'GET',
        url,
        headers,
        body,
        json,
        authorized: !refusal,
        at: Date.now(),
      })
      if (refusal) return sendError(res, refusal)
      try {
        await route(req.method ?? 'GET', url, res, json)
      } catch (error) {
        if (!res.headersSent)
          sendError(res, {
            status: 500,
            type: 'InternalServerException',
            namespace: '',
            message: `fake server failed: ${String(error)}`,
          })
        else cutResponse(res)
      }
    })
  }

  function authorize(
    method: string,
    url: string,
    headers: RecordedRequest['headers'],
    body: string,
  ): BedrockErrorAnswer | undefined {
    const authorization = String(headers.authorization ?? '')
    if (authorization.startsWith('Bearer ')) {
      return apiKeys.includes(authorization.slice(7).trim()) ? undefined : invalidApiKey()
    }
    const result = verifySigV4(
      { method, url, headers, body },
      { credentials, region, service: 'bedrock' },
    )
    if (result.ok) return undefined
    if (result.errorType === 'UnrecognizedClientException') return unrecognizedClient()
    return signatureError(result.errorType, result.message)
  }

  async function route(
    method: string,
    url: string,
    res: AnyResponse,
    json: unknown,
  ): Promise<void> {
    const parsed = new URL(url, 'http://fake')
    const match = /^\/model\/([^/]+)\/(converse|converse-stream)$/.exec(parsed.pathname)
    if (method === 'POST' && match) {
      const modelId = decodeURIComponent(match[1] ?? '')
      const refusal = checkConverseRequest(modelId, json) ?? checkOpenModelConverse(modelId, json)
      if (refusal) {
        return sendError(res, {
          status: 400,
          type: 'ValidationException',
          namespace: BEDROCK_NS,
          message: refusal,
        })
      }
      const script = queue.next({ model: modelId, body: json })
      if (script.notAnAnswer) {
        const type =
          match[2] === 'converse' ? 'application/json' : 'application/vnd.amazon.eventstream'
        return sendNotAnAnswer(res, script.notAnAnswer, { message: GATEWAY_MESSAGE }, type)
      }
      if (script.error) return answerError(res, script, modelId)
      if (match[2] === 'converse') return answerConverse(res, script)
      return answerStream(res, script)
    }
    if (method === 'GET' && parsed.pathname === '/foundation-models') {
      return sendJson(
        res,
        200,
        foundationModelsBody(region, parsed.searchParams.get('byOutputModality') ?? undefined),
      )
    }
    if (method === 'GET' && parsed.pathname === '/inference-profiles') {
      const max = Number(parsed.searchParams.get('maxResults') ?? '2')
      return sendJson(
        res,
        200,
        inferenceProfilesBody(
          region,
          Math.min(max, 2),
          parsed.searchParams.get('nextToken') ?? undefined,
        ),
      )
    }
    sendError(res, {
      status: 404,
      type: 'UnknownOperationException',
      namespace: '',
      message: 'Unknown operation',
    })
  }

  async function answerError(res: AnyResponse, script: FakeScript, modelId: string): Promise<void> {
    await sleep(script.delayMs ?? 0)
    const answer = bedrockErrorFor(script.error ?? 'server', modelId)
    const extra: Record<string, string> = {}
    if (script.retryAfterSeconds !== undefined)
      extra['retry-after'] = String(script.retryAfterSeconds)
    sendError(res, answer, { ...extra, ...script.headers })
  }

  async function answerConverse(res: AnyResponse, script: FakeScript): Promise<void> {
    await sleep(script.delayMs ?? 0)
    sendJson(res, 200, converseBody(script), script.headers)
  }

  async function answerStream(res: AnyResponse, script: FakeScript): Promise<void> {
    let closed = false
    res.on('close', () => {
      closed = true
    })
    writeHead(res, 200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'transfer-encoding': 'chunked',
      connection: 'keep-alive',
      'x-amzn-requestid': randomUUID(),
      ...script.headers,
    })
    let contentEvents = 0
    let n = 0
    for (const event of converseStreamEvents(script)) {
      if (closed) return
      if (script.delayMs) await sleep(script.delayMs)
      if (closed) return
      await writeFrame(res, encodeEvent(event.type, withPadding(event.payload, n++)))
      if (!event.content) continue
      contentEvents++
      if (script.cutAfterEvents !== undefined && contentEvents >= script.cutAfterEvents) {
        await sleep(5)
        return cutResponse(res)
      }
      if (script.stallAfterEvents !== undefined && contentEvents >= script.stallAfterEvents) return
      if (
        script.errorEventAfterEvents !== undefined &&
        contentEvents >= script.errorEventAfterEvents
      ) {
        await writeFrame(
          res,
          encodeException('modelStreamErrorException', {
            message: 'Model is currently overloaded. Please try again later.',
            originalStatusCode: 529,
          }),
        )
        ;(res as ServerResponse).end()
        return
      }
    }
    ;(res as ServerResponse).end()
  }

  async function writeFrame(response: AnyResponse, frame: Buffer): Promise<void> {
    const res = response as ServerResponse
    if (!split || frame.length < 24) {
      res.write(frame)
      return
    }
    const cut = 7 + (frame.length % 13)
    res.write(frame.subarray(0, cut))
    await sleep(1)
    res.write(frame.subarray(cut))
  }

  const server = await listenHttp1AndH2c(handler, options.port)
  return {
    url: server.url,
    region,
    requests,
    enqueue: (...scripts) => queue.enqueue(...scripts),
    reset() {
      queue.clear()
      requests.length = 0
    },
    close: () => server.close(),
  }
}

async function readBody(req: AnyRequest): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

function sendJson(
  res: AnyResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  writeHead(res, status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  })
  res.end(text)
}

function sendError(
  res: AnyResponse,
  answer: BedrockErrorAnswer,
  headers: Record<string, string> = {},
): void {
  const errorType = answer.namespace ? `${answer.type}:${answer.namespace}` : answer.type
  sendJson(
    res,
    answer.status,
    { [answer.messageField ?? 'message']: answer.message },
    { 'x-amzn-errortype': errorType, ...headers },
  )
}
