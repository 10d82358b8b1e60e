import { useCallback, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodOutput } from '../../../shared/contract'

export type TestResult = MethodOutput<'connections.test'>

export type TestState =
  | { status: 'busy' }
  | { status: 'done'; result: TestResult }
  /** The test itself could not run (unknown connection, locked vault …). */
  | { status: 'failed'; message: string; vaultLocked?: boolean; secretRequired?: boolean }

/** The latest “Test connection” outcome per connection id. */
export function useConnectionTests(client: ParallaxClient) {
  const [states, setStates] = useState<Record<string, TestState>>({})

  const run = useCallback(
    async (id: string) => {
      setStates((current) => ({ ...current, [id]: { status: 'busy' } }))
      const answer = await client.invoke('connections.test', { id })
      const next: TestState = answer.ok
        ? { status: 'done', result: answer.value }
        : answer.error.kind === 'vault_locked'
          ? { status: 'failed', message: answer.error.message, vaultLocked: true }
          : answer.error.code === 'secret_required'
            ? { status: 'failed', message: answer.error.message, secretRequired: true }
            : { status: 'failed', message: answer.error.message }
      setStates((current) => ({ ...current, [id]: next }))
    },
    [client],
  )

  return { states, run }
}
