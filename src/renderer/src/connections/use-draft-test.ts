import { useCallback, useRef, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodInput } from '../../../shared/contract'
import type { RpcError } from '../../../shared/rpc-result'
import { testStateOf, type TestResult, type TestState } from './use-connection-tests'

type DraftInput = MethodInput<'connections.test'>

/** How a test of the form's values ended: the provider's verdict, or the host's refusal. */
export type DraftOutcome =
  { kind: 'result'; result: TestResult } | { kind: 'refused'; error: RpcError }

interface DraftTest {
  /** The values it tested, as sent. */
  key: string
  state: TestState
  outcome?: DraftOutcome
}

/**
 * Tests of a connection form's unsaved values. A test belongs to the exact values it sent: once
 * the person changes one, `of` no longer finds it, so neither the screen nor Save relies on a
 * result for other values. A second call for values being tested joins the test under way.
 */
export function useDraftTest(client: ParallaxClient) {
  const [last, setLast] = useState<DraftTest | null>(null)
  const running = useRef<{ key: string; done: Promise<DraftOutcome> } | null>(null)

  const run = useCallback(
    (input: DraftInput): Promise<DraftOutcome> => {
      const key = JSON.stringify(input)
      if (running.current?.key === key) return running.current.done
      setLast({ key, state: { status: 'busy' } })
      const done = client.invoke('connections.test', input).then((answer): DraftOutcome => {
        const outcome: DraftOutcome = answer.ok
          ? { kind: 'result', result: answer.value }
          : { kind: 'refused', error: answer.error }
        if (running.current?.key === key) {
          running.current = null
          setLast({ key, state: testStateOf(answer), outcome })
        }
        return outcome
      })
      running.current = { key, done }
      return done
    },
    [client],
  )

  /** The test of exactly these values, if there is one (busy or done). */
  const of = (input: DraftInput | undefined): DraftTest | undefined =>
    input !== undefined && last?.key === JSON.stringify(input) ? last : undefined

  return { run, of }
}
