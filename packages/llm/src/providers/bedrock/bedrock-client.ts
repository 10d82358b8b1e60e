import { BedrockClient } from '@aws-sdk/client-bedrock'
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime'
import { LlmError } from '../../errors/llm-error'
import type { SdkLogger } from '../../provider-plugin'
import type { BedrockConnection } from '../../types'

/**
 * Client settings taken only from the connection. Everything the SDK would otherwise read from
 * the environment or ~/.aws (region, auth-scheme preference incl. AWS_BEARER_TOKEN_BEDROCK,
 * retry mode, FIPS/dual-stack, defaults mode, the default credential chain) is set explicitly.
 * SDK retries are off: the generic layer retries.
 */
function clientConfig(
  connection: BedrockConnection,
  endpoint: string | undefined,
  logger: SdkLogger,
) {
  const base = {
    // Warnings and errors go to the caller's logger (silent by default), redacted.
    logger,
    region: connection.region,
    maxAttempts: 1,
    retryMode: 'standard',
    defaultsMode: 'standard' as const,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    userAgentAppId: 'parallax',
    ...(endpoint ? { endpoint } : {}),
    credentialDefaultProvider: () => async () => {
      throw new LlmError({
        kind: 'auth',
        provider: 'bedrock',
        message: 'Bedrock needs an access key pair or an API key in the connection.',
      })
    },
  }
  if (!connection.region) {
    throw new LlmError({
      kind: 'invalid_request',
      provider: 'bedrock',
      message: 'The Bedrock connection has no region.',
    })
  }
  if (connection.apiKey) {
    return {
      ...base,
      token: { token: connection.apiKey },
      authSchemePreference: ['httpBearerAuth'],
    }
  }
  if (connection.accessKeyId && connection.secretAccessKey) {
    return {
      ...base,
      credentials: {
        accessKeyId: connection.accessKeyId,
        secretAccessKey: connection.secretAccessKey,
        ...(connection.sessionToken ? { sessionToken: connection.sessionToken } : {}),
      },
      authSchemePreference: ['sigv4'],
    }
  }
  throw new LlmError({
    kind: 'auth',
    provider: 'bedrock',
    message:
      'Bedrock needs either an access key ID with its secret access key, or a Bedrock API key.',
  })
}

export function createRuntimeClient(
  connection: BedrockConnection,
  logger: SdkLogger,
): BedrockRuntimeClient {
  return new BedrockRuntimeClient(clientConfig(connection, connection.endpoint, logger))
}

/** The control plane (model lists) lives at bedrock.<region>, beside bedrock-runtime.<region>. */
export function createControlClient(
  connection: BedrockConnection,
  logger: SdkLogger,
): BedrockClient {
  let endpoint = connection.endpoint
  if (endpoint) {
    const url = new URL(endpoint)
    url.hostname = url.hostname.replace(/(^|\.)bedrock-runtime(?=\.)/, '$1bedrock')
    endpoint = url.toString().replace(/\/$/, '')
  }
  return new BedrockClient(clientConfig(connection, endpoint, logger))
}
