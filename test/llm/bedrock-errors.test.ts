import { describe, expect, it } from 'vitest'
import { toBedrockError } from '../../packages/llm/src/providers/bedrock/bedrock-error'
import type { BedrockConnection } from '../../packages/llm/src/types'

const connection: BedrockConnection = { provider: 'bedrock', region: 'eu-central-1' }

/** What the AWS SDK throws for a status whose exception name Bedrock's mapping does not know. */
const unnamed = (status: number, headers: Record<string, string> = {}) => ({
  name: 'SomeNewException',
  message: 'Something went wrong.',
  $fault: status >= 500 ? 'server' : 'client',
  $metadata: { httpStatusCode: status, requestId: 'req-1' },
  $response: { statusCode: status, headers },
})

describe('bedrock errors without a known exception name', () => {
  it.each([
    [401, 'auth'],
    // Intended by issue 13: a 403 is `permission`, as for every other provider (it was `auth`).
    [403, 'permission'],
    [404, 'not_found'],
    [408, 'timeout'],
    [429, 'rate_limit'],
    [500, 'server'],
    [503, 'overloaded'],
    [409, 'invalid_request'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    expect(toBedrockError(unnamed(status), connection)).toMatchObject({
      kind,
      status,
      provider: 'bedrock',
      requestId: 'req-1',
    })
  })

  it('reads retry-after from the SDK’s plain header record', () => {
    const error = toBedrockError(unnamed(429, { 'Retry-After': '4' }), connection)
    expect(error?.retryAfterMs).toBe(4000)
  })
})
