import { appendFileSync, chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { redactText } from '@parallax/llm'

/** Where a failed start writes what went wrong, inside the data folder. */
export const STARTUP_LOG_PATH = ['logs', 'startup.log'] as const

/**
 * Appends the details of a failed start (time, pid, the error with its stack and causes) to
 * `<dataDir>/logs/startup.log` (owner-only) and returns its path, or undefined when it cannot be
 * written. Key-shaped strings and the given secrets are redacted; the environment is never logged.
 */
export function writeStartupLog(
  dataDir: string,
  error: unknown,
  options: { what: string; secrets?: readonly string[]; now?: Date },
): string | undefined {
  const dir = join(dataDir, STARTUP_LOG_PATH[0])
  const file = join(dir, STARTUP_LOG_PATH[1])
  const at = (options.now ?? new Date()).toISOString()
  const entry = `[${at}] ${options.what} (pid ${process.pid}, node ${process.version})\n${describeError(error)}\n\n`
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    appendFileSync(file, redactText(entry, options.secrets ?? []), { mode: 0o600 })
    if (process.platform !== 'win32') chmodSync(file, 0o600)
    return file
  } catch {
    return undefined
  }
}

/** The error's first line, for the one sentence the person sees. */
export function errorSummary(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const line = (text.split('\n')[0] ?? '').trim().replace(/[.\s]+$/, '')
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/** An error for a log: its stack (or text), its code, and up to three causes. Not redacted. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error)
  const own = error.stack ?? `${error.name}: ${error.message}`
  const code = (error as NodeJS.ErrnoException).code
  const withCode = code === undefined ? own : `${own}\n  code: ${String(code)}`
  if (error.cause === undefined || depth >= 3) return withCode
  return `${withCode}\nCaused by: ${describeError(error.cause, depth + 1)}`
}
