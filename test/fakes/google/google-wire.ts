import { randomBytes } from 'node:crypto'
import type { FakeErrorKind, FakeScript } from '../fake-script'
import { wireFinishOf } from '../fake-facts'
import { finishReasonOf } from '../script-queue'
import { googleCandidateFacts } from './google-facts'
import { fakeThoughtSignature } from './thought-signature-check'

/** Which Google API a request came in on: the errors and auth answers differ slightly. */
export type GoogleApi = 'gemini' | 'vertex'

export interface GoogleAnswer {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** Headers Google's front end puts on every answer (as recorded). */
export const GOOGLE_HEADERS: Record<string, string> = {
  vary: 'Origin, X-Origin, Referer',
  server: 'scaffolding on HTTPServer2',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'server-timing': 'gfet4t7; dur=412',
  'alt-svc': 'h3=":443"; ma=2592000,h3-29=":443"; ma=2592000',
}

const FINISH: Record<ReturnType<typeof finishReasonOf>, string> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  tool_calls: 'STOP',
  content_filter: 'SAFETY',
}

export function responseId(): string {
  return randomBytes(14).toString('base64url')
}

function signature(): string {
  return fakeThoughtSignature()
}

/** usageMetadata as Gemini reports it: thoughts separate from candidates; output = both. */
export function usageMetadata(script: FakeScript, final: boolean): Record<string, unknown> {
  const usage = script.usage ?? { input: 12, output: 5 }
  const prompt = {
    promptTokenCount: usage.input,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: usage.input }],
  }
  if (!final) return { ...prompt, totalTokenCount: usage.input }
  const thoughts = usage.reasoning ?? 0
  const candidates = Math.max(0, usage.output - thoughts)
  return {
    promptTokenCount: usage.input,
    ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
    totalTokenCount: usage.input + usage.output,
    ...(usage.cachedInput ? { cachedContentTokenCount: usage.cachedInput } : {}),
    promptTokensDetails: prompt.promptTokensDetails,
    ...(usage.cachedInput
      ? { cacheTokensDetails: [{ modality: 'TEXT', tokenCount: usage.cachedInput }] }
      : {}),
    ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
  }
}

/** The parts a script produces, one per stream event (thoughts, then text, then function calls). */
export function scriptParts(script: FakeScript): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = []
  for (const text of script.reasoning ?? []) parts.push({ text, thought: true })
  for (const text of script.text ?? []) parts.push({ text })
  for (const call of script.toolCalls ?? []) {
    const args = JSON.parse(call.argumentFragments.join('') || '{}') as unknown
    parts.push({ functionCall: { name: call.name, args }, thoughtSignature: signature() })
  }
  return parts
}

export function candidate(
  parts: Record<string, unknown>[],
  finishReason?: string,
): Record<string, unknown> {
  return {
    content: { parts, role: 'model' },
    ...(finishReason ? { finishReason } : {}),
    ...(finishReason === 'SAFETY'
      ? {
          safetyRatings: [
            { category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'MEDIUM', blocked: true },
          ],
        }
      : {}),
    ...(finishReason ? { index: 0 } : {}),
  }
}

export function finishOf(script: FakeScript): string {
  return wireFinishOf(script, FINISH[finishReasonOf(script)])
}

/** A whole generateContent answer. Text and thought fragments are joined into one part each. */
export function completeBody(
  script: FakeScript,
  model: string,
  api: GoogleApi,
): Record<string, unknown> {
  const parts: Record<string, unknown>[] = []
  if (script.reasoning?.length) parts.push({ text: script.reasoning.join(''), thought: true })
  if (script.text?.length) parts.push({ text: script.text.join('') })
  for (const part of scriptParts({ toolCalls: script.toolCalls ?? [] })) parts.push(part)
  return {
    candidates: [
      { ...candidate(parts, finishOf(script)), ...googleCandidateFacts(script, 'all', true) },
    ],
    usageMetadata: {
      ...usageMetadata(script, true),
      ...(api === 'vertex' ? { trafficType: 'ON_DEMAND' } : {}),
    },
    modelVersion: model,
    ...(api === 'vertex' ? { createTime: new Date().toISOString() } : {}),
    responseId: responseId(),
  }
}

/** A prompt the safety filters refused: no candidates, promptFeedback.blockReason. */
export function blockedBody(script: FakeScript, model: string): Record<string, unknown> {
  const usage = script.usage ?? { input: 12, output: 0 }
  return {
    promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
    usageMetadata: { promptTokenCount: usage.input, totalTokenCount: usage.input },
    modelVersion: model,
    responseId: responseId(),
  }
}

function err(
  code: number,
  status: string,
  message: string,
  details?: unknown[],
): { error: Record<string, unknown> } {
  return { error: { code, message, status, ...(details ? { details } : {}) } }
}

/** The invalid-key answer of each API: Gemini says 400 API_KEY_INVALID; OAuth failures are 401. */
export function badKeyBody(api: GoogleApi): { status: number; body: unknown } {
  const service =
    api === 'gemini' ? 'generativelanguage.googleapis.com' : 'aiplatform.googleapis.com'
  return {
    status: 400,
    body: err(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
        locale: 'en-US',
        message: 'API key not valid. Please pass a valid API key.',
      },
    ]),
  }
}

export function unauthenticatedBody(): { status: number; body: unknown } {
  return {
    status: 401,
    body: err(
      401,
      'UNAUTHENTICATED',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
          metadata: {
            service: 'aiplatform.googleapis.com',
            method: 'google.cloud.aiplatform.v1beta1.PredictionService.GenerateContent',
          },
        },
      ],
    ),
  }
}

/** Each scripted error as the real API answers it (status + google.rpc.Status body). */
export function errorBody(
  kind: Exclude<FakeErrorKind, 'content_filter'>,
  api: GoogleApi,
  model: string,
  script: FakeScript,
): { status: number; body: unknown } {
  const retryInfo =
    script.retryAfterSeconds !== undefined
      ? [
          {
            '@type': 'type.googleapis.com/google.rpc.RetryInfo',
            retryDelay: `${script.retryAfterSeconds}s`,
          },
        ]
      : []
  const gemini = api === 'gemini'
  switch (kind) {
    case 'auth':
      return gemini ? badKeyBody(api) : unauthenticatedBody()
    case 'permission': {
      const service = gemini ? 'generativelanguage.googleapis.com' : 'aiplatform.googleapis.com'
      const name = gemini ? 'Generative Language API' : 'Vertex AI API'
      const message = `${name} has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/${service}/overview?project=123456789012 then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`
      return {
        status: 403,
        body: err(403, 'PERMISSION_DENIED', message, [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain: 'googleapis.com',
            metadata: {
              service,
              consumer: 'projects/123456789012',
              serviceTitle: name,
              activationUrl: `https://console.developers.google.com/apis/api/${service}/overview?project=123456789012`,
              containerInfo: '123456789012',
            },
          },
          { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [
              {
                description: 'Google developers console API activation',
                url: `https://console.developers.google.com/apis/api/${service}/overview?project=123456789012`,
              },
            ],
          },
        ]),
      }
    }
    case 'rate_limit':
      if (!gemini) {
        return {
          status: 429,
          body: err(
            429,
            'RESOURCE_EXHAUSTED',
            'Resource exhausted. Please try again later. Please refer to https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.',
            retryInfo.length ? retryInfo : undefined,
          ),
        }
      }
      return {
        status: 429,
        body: err(
          429,
          'RESOURCE_EXHAUSTED',
          `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count, limit: 1000000, model: ${model}\nPlease retry in ${script.retryAfterSeconds ?? 48}.2s.`,
          [
            {
              '@type': 'type.googleapis.com/google.rpc.Help',
              links: [
                {
                  description: 'Learn more about Gemini API quotas',
                  url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
                },
              ],
            },
            {
              '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
              violations: [
                {
                  quotaMetric:
                    'generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count',
                  quotaId: 'GenerateContentPaidTierInputTokensPerModelPerMinute',
                  quotaDimensions: { model, location: 'global' },
                  quotaValue: '1000000',
                },
              ],
            },
            ...retryInfo,
          ],
        ),
      }
    case 'quota': {
      const service = gemini ? 'generativelanguage.googleapis.com' : 'aiplatform.googleapis.com'
      return {
        status: 429,
        body: err(
          429,
          'RESOURCE_EXHAUSTED',
          `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for metric: ${service}/generate_content_free_tier_requests, limit: 250, model: ${model}\nPlease retry in 7h12m4.5s.`,
          [
            {
              '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
              violations: [
                {
                  quotaMetric: `${service}/generate_content_free_tier_requests`,
                  quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
                  quotaDimensions: { model, location: 'global' },
                  quotaValue: '250',
                },
              ],
            },
            { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '25924s' },
          ],
        ),
      }
    }
    case 'context_length':
      return {
        status: 400,
        body: err(
          400,
          'INVALID_ARGUMENT',
          'The input token count (1250060) exceeds the maximum number of tokens allowed (1048576).',
        ),
      }
    case 'invalid_request':
      return {
        status: 400,
        body: err(
          400,
          'INVALID_ARGUMENT',
          'Invalid value at \'generation_config.response_mime_type\' (TYPE_STRING), "text/yaml"',
          [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [
                {
                  field: 'generation_config.response_mime_type',
                  description:
                    'Invalid value at \'generation_config.response_mime_type\' (TYPE_STRING), "text/yaml"',
                },
              ],
            },
          ],
        ),
      }
    case 'not_found':
      return gemini
        ? {
            status: 404,
            body: err(
              404,
              'NOT_FOUND',
              `models/${model} is not found for API version v1, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.`,
            ),
          }
        : {
            status: 404,
            body: err(
              404,
              'NOT_FOUND',
              `Publisher Model \`projects/parallax-test/locations/us-central1/publishers/google/models/${model}\` was not found or your project does not have access to it. Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions`,
            ),
          }
    case 'overloaded':
      return {
        status: 503,
        body: err(
          503,
          'UNAVAILABLE',
          'The model is overloaded. Please try again later.',
          retryInfo.length ? retryInfo : undefined,
        ),
      }
    case 'server':
      return {
        status: 500,
        body: err(
          500,
          'INTERNAL',
          'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
        ),
      }
  }
}

/** The error event Gemini sends inside a 200 SSE stream. */
export function streamErrorEvent(): unknown {
  return err(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.')
}
