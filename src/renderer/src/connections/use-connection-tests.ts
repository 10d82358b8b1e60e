import { useCallback, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodOutput } from '../../../shared/contract'
import type { RpcResult } from '../../../shared/rpc-result'

export type TestResult = MethodOutput<'connections.test'>

export type TestState =
  | { status: 'busy' }
  | { status: 'done'; result: TestResult }
  /** The test itself could not run (unknown connection, locked vault …). */
  | { status: 'failed'; message: string; vaultLocked?: boolean; secretRequired?: boolean }

/** How a `connections.test` answer shows: the provider's verdict, or why the test did not run. */
export function testStateOf(answer: RpcResult<TestResult>): TestState {
  if (answer.ok) return { status: 'done', result: answer.value }
  if (answer.error.kind === 'vault_locked') {
    return { status: 'failed', message: answer.error.message, vaultLocked: true }
  }
  if (answer.error.code === 'secret_required') {
    return { status: 'failed', message: answer.error.message, secretRequired: true }
  }
  return { status: 'failed', message: answer.error.message }
}

/** The latest “Test connection” outcome per connection id. */
export function useConnectionTests(client: ParallaxClient) {
  const [states, setStates] = useState<Record<string, TestState>>({})

  const run = useCallback(
    async (id: string) => {
      setStates((current) => ({ ...current, [id]: { status: 'busy' } }))
      const answer = await client.invoke('connections.test', { id })
      setStates((current) => ({ ...current, [id]: testStateOf(answer) }))
    },
    [client],
  )

  /** A result already known for exactly what was saved (the form tested it before saving). */
  const record = useCallback((id: string, result: TestResult) => {
    setStates((current) => ({ ...current, [id]: { status: 'done', result } }))
  }, [])

  return { states, run, record }
}
