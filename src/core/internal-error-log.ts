import { redactText } from '@parallax/llm'
import { describeError } from './startup-log'

/** An error as a host's log shows it: stack and causes, key-shaped strings and `secrets` redacted. */
export function errorForLog(error: unknown, secrets: readonly string[] = []): string {
  return redactText(describeError(error), secrets)
}

/**
 * The log line of a method's internal failure, under the incident id its answer carried, so the
 * id a person quotes from the screen finds the details. The answer itself never holds them.
 */
export function internalErrorLine(
  method: string,
  incident: string,
  error: unknown,
  secrets: readonly string[] = [],
): string {
  return `${method} failed (incident ${incident}): ${errorForLog(error, secrets)}`
}
