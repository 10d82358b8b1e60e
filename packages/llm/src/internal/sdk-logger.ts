import { redactText, secretsOf } from '../errors/redact-secrets'
import type { SdkLogger } from '../provider-plugin'
import type { Connection, LlmLogger } from '../types'

const silent = (): void => {}

/**
 * The SDKs' warnings and errors, as one redacted line each, to the caller's logger. Their info
 * and debug lines (request details, headers) never leave the library.
 */
export function createSdkLogger(logger: LlmLogger | undefined, connection: Connection): SdkLogger {
  if (!logger) return { error: silent, warn: silent, info: silent, debug: silent }
  let secrets: string[] | undefined
  const line = (message: string, values: unknown[]): string => {
    secrets ??= secretsOf(connection)
    return redactText([message, ...values.map(textOf)].join(' '), secrets)
  }
  return {
    error: (message, ...values) => forward(logger.error ?? logger.warn, line(message, values)),
    warn: (message, ...values) => forward(logger.warn, line(message, values)),
    info: silent,
    debug: silent,
  }
}

function forward(write: (message: string) => void, message: string): void {
  try {
    write(message)
  } catch {
    // A logger that throws cannot break the call.
  }
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (value instanceof Error) return value.message
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
