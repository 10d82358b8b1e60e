import OpenAI, { AzureOpenAI } from 'openai'
import type { SdkLogger } from '../../provider-plugin'
import type { AzureConnection, OpenAICompatibleConnection, OpenAIConnection } from '../../types'
import { AZURE_DEFAULT_API_VERSION, isAzureV1 } from './azure-api-version'

/**
 * Options every client gets: no SDK retries (the generic layer retries), only warnings and errors
 * logged, to the caller's logger (debug lines carry request details), and nothing read from
 * OPENAI_* environment variables by accident.
 */
function baseOptions(fetch: typeof globalThis.fetch, logger: SdkLogger) {
  return {
    maxRetries: 0,
    fetch,
    logger,
    logLevel: 'warn' as const,
    adminAPIKey: null,
    webhookSecret: null,
    organization: null,
    project: null,
  }
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1'

export function createOpenAIClient(
  connection: OpenAIConnection,
  fetch: typeof globalThis.fetch,
  logger: SdkLogger,
): OpenAI {
  return new OpenAI({
    ...baseOptions(fetch, logger),
    apiKey: connection.apiKey,
    baseURL: trimSlash(connection.baseURL) || OPENAI_BASE_URL,
    organization: connection.organization || null,
    project: connection.project || null,
  })
}

/**
 * v1 (default): the plain client on {endpoint}/openai/v1 with the key in `api-key`; the
 * deployment name travels as `model`. A dated api-version: the SDK's AzureOpenAI, which puts
 * the deployment in the path and the version in the query.
 */
export function createAzureClient(
  connection: AzureConnection,
  fetch: typeof globalThis.fetch,
  logger: SdkLogger,
): OpenAI {
  const endpoint = trimSlash(connection.endpoint)
  if (isAzureV1(connection.apiVersion)) {
    return new OpenAI({
      ...baseOptions(fetch, logger),
      // The SDK insists on a key; the Authorization header it would build is removed below.
      apiKey: 'azure-api-key-header',
      baseURL: `${endpoint}/openai/v1`,
      defaultHeaders: { Authorization: null, 'api-key': connection.apiKey },
    })
  }
  return new AzureOpenAI({
    ...baseOptions(fetch, logger),
    apiKey: connection.apiKey,
    // baseURL rather than endpoint: an OPENAI_BASE_URL in the environment must not win.
    baseURL: `${endpoint}/openai`,
    apiVersion: connection.apiVersion?.trim() || AZURE_DEFAULT_API_VERSION,
  })
}

export function createCompatibleClient(
  connection: OpenAICompatibleConnection,
  fetch: typeof globalThis.fetch,
  logger: SdkLogger,
): OpenAI {
  const apiKey = connection.apiKey?.trim()
  return new OpenAI({
    ...baseOptions(fetch, logger),
    // Without a key no Authorization header is sent at all (local servers need none).
    apiKey: apiKey || 'no-key',
    baseURL: trimSlash(connection.baseURL),
    defaultHeaders: { ...(apiKey ? {} : { Authorization: null }), ...connection.headers },
  })
}

function trimSlash(url: string | undefined): string {
  return (url ?? '').trim().replace(/\/+$/, '')
}
