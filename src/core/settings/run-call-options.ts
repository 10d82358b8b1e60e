import type { CallOptions } from '@parallax/llm'
import type { SettingsStore } from './settings-store'

/** The settings a run's provider calls follow: timeouts and retries. */
export type RunCallOptions = Pick<CallOptions, 'timeoutMs' | 'idleTimeoutMs' | 'maxRetries'>

/**
 * One object the runner reads at each run's start, so saved settings apply from the next run on;
 * `apply()` copies the current settings into it (call it after each change).
 */
export function runCallOptions(settings: SettingsStore): {
  callOptions: RunCallOptions
  apply(): void
} {
  const callOptions: RunCallOptions = {}
  const apply = (): void => {
    const current = settings.get()
    callOptions.timeoutMs = current.requestTimeoutSeconds * 1000
    callOptions.idleTimeoutMs = current.idleTimeoutSeconds * 1000
    callOptions.maxRetries = current.maxRetries
  }
  apply()
  return { callOptions, apply }
}
