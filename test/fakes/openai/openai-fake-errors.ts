import type { FakeErrorKind, FakeScript } from '../fake-script'

/** Which API a request came in on; each answers errors in its own real form. */
export type FakeFlavor = 'openai' | 'azure' | 'compatible'

export interface FakeErrorAnswer {
  status: number
  body: unknown
  headers: Record<string, string>
}

const openaiBody = (
  message: string,
  type: string | null,
  code: string | null,
  param: string | null = null,
) => ({
  error: { message, type, param, code },
})

/**
 * Real error bodies (see ../shared/provider-captures/openai-chat, azure-openai and the
 * providers' error-code references). Azure's gateway errors use `{ error: { code, message } }`;
 * errors from the model itself keep OpenAI's shape.
 */
export function errorAnswer(
  kind: FakeErrorKind,
  flavor: FakeFlavor,
  script: FakeScript,
  model: string,
): FakeErrorAnswer {
  const wait = script.retryAfterSeconds
  switch (kind) {
    case 'auth':
      return flavor === 'azure' ? azureUnauthorized() : openaiUnauthorized('sk-proj-…')
    case 'permission':
      return flavor === 'azure'
        ? {
            status: 403,
            headers: {},
            body: {
              error: {
                code: 'AuthenticationTypeDisabled',
                message: 'Key based authentication is disabled for this resource.',
              },
            },
          }
        : {
            status: 403,
            headers: {},
            body: {
              error: {
                code: 'unsupported_country_region_territory',
                message: 'Country, region, or territory not supported',
                param: null,
                type: 'request_forbidden',
              },
            },
          }
    case 'rate_limit':
      if (flavor === 'azure') {
        const seconds = wait ?? 1
        return {
          status: 429,
          headers: {
            'retry-after': String(seconds),
            'retry-after-ms': String(seconds * 1000),
            'x-ratelimit-remaining-requests': '0',
          },
          body: {
            error: {
              code: '429',
              message: `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${seconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`,
            },
          },
        }
      }
      return {
        status: 429,
        headers: {
          'x-ratelimit-limit-requests': '500',
          'x-ratelimit-remaining-requests': '0',
          'x-ratelimit-reset-requests': wait === undefined ? '120ms' : formatDuration(wait),
          'x-ratelimit-limit-tokens': '200000',
          'x-ratelimit-remaining-tokens': '199980',
          'x-ratelimit-reset-tokens': '6ms',
          ...(flavor === 'compatible' && wait !== undefined ? { 'retry-after': String(wait) } : {}),
        },
        body: openaiBody(
          `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 500, Used 500, Requested 1. Please try again in ${wait ?? 0.12}s. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'requests',
          'rate_limit_exceeded',
        ),
      }
    case 'quota':
      return flavor === 'compatible'
        ? {
            status: 402,
            headers: {},
            body: {
              error: {
                message:
                  'Insufficient credits. Add more using https://openrouter.ai/settings/credits',
                code: 402,
              },
            },
          }
        : {
            status: 429,
            headers: {},
            body: openaiBody(
              'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
              'insufficient_quota',
              'insufficient_quota',
            ),
          }
    case 'context_length':
      return flavor === 'compatible'
        ? {
            // vLLM's shape: the fields at the top level, the status as `code`.
            status: 400,
            headers: {},
            body: {
              object: 'error',
              message: `This model's maximum context length is 32768 tokens. However, you requested 40960 tokens (40896 in the messages, 64 in the completion). Please reduce the length of the messages or completion.`,
              type: 'BadRequestError',
              param: null,
              code: 400,
            },
          }
        : {
            status: 400,
            headers: {},
            body: openaiBody(
              `This model's maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens. Please reduce the length of the messages.`,
              'invalid_request_error',
              'context_length_exceeded',
              'messages',
            ),
          }
    case 'invalid_request':
      return {
        status: 400,
        headers: {},
        body: openaiBody(
          "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.",
          'invalid_request_error',
          'invalid_type',
          'messages[0].content',
        ),
      }
    case 'not_found':
      return flavor === 'azure'
        ? {
            status: 404,
            headers: {},
            body: {
              error: {
                code: 'DeploymentNotFound',
                message:
                  'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
              },
            },
          }
        : {
            status: 404,
            headers: {},
            body: openaiBody(
              `The model \`${model}\` does not exist or you do not have access to it.`,
              'invalid_request_error',
              'model_not_found',
            ),
          }
    case 'content_filter':
      return flavor === 'azure'
        ? {
            status: 400,
            headers: {},
            body: {
              error: {
                message:
                  "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
                type: null,
                param: 'prompt',
                code: 'content_filter',
                status: 400,
                innererror: {
                  code: 'ResponsibleAIPolicyViolation',
                  content_filter_result: {
                    hate: { filtered: false, severity: 'safe' },
                    self_harm: { filtered: false, severity: 'safe' },
                    sexual: { filtered: true, severity: 'high' },
                    violence: { filtered: false, severity: 'safe' },
                  },
                },
              },
            },
          }
        : {
            status: 400,
            headers: {},
            body: openaiBody(
              'Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again with a different prompt: https://platform.openai.com/docs/guides/reasoning#advice-on-prompting',
              'invalid_request_error',
              'invalid_prompt',
            ),
          }
    case 'overloaded':
      return flavor === 'azure'
        ? {
            status: 503,
            headers: wait === undefined ? {} : { 'retry-after': String(wait) },
            body: {
              error: {
                code: 'ServiceUnavailable',
                message:
                  'The service is temporarily unable to process your request. Please try again later.',
              },
            },
          }
        : {
            status: 503,
            headers: wait === undefined ? {} : { 'retry-after': String(wait) },
            body: openaiBody(
              'The engine is currently overloaded, please try again later',
              'server_error',
              null,
            ),
          }
    case 'server':
      return {
        status: 500,
        headers: {},
        body: openaiBody(
          'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
        ),
      }
  }
}

/** OpenAI's answer to a wrong key: the key is shown masked, never whole. */
export function openaiUnauthorized(key: string | undefined): FakeErrorAnswer {
  if (!key) {
    return {
      status: 401,
      headers: {},
      body: openaiBody(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
        'invalid_request_error',
        null,
      ),
    }
  }
  const masked = key.length > 8 ? `${key.slice(0, 8)}*****${key.slice(-4)}` : '*****'
  return {
    status: 401,
    headers: {},
    body: openaiBody(
      `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    ),
  }
}

export function azureUnauthorized(): FakeErrorAnswer {
  return {
    status: 401,
    headers: {},
    body: {
      error: {
        code: '401',
        message:
          'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      },
    },
  }
}

/** Seconds as OpenAI writes its reset headers: 1s, 2m0s. */
function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`
  return `${Math.floor(seconds / 60)}m${seconds % 60}s`
}
