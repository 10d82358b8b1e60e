import type { ParallaxClient } from '../../../shared/client'
import {
  methodNames,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract'
import { createDispatcher, type Handlers } from '../../../shared/dispatch'
import { RpcFailure, type RpcResult } from '../../../shared/rpc-result'
import { defaultHandlers } from './default-handlers'

/**
 * A test's answers, typed as the host's own handlers: return the method's output (or a promise of
 * it), or throw `RpcFailure` to refuse.
 */
export type FakeHandlers = Partial<Handlers>

export interface FakeCall {
  method: MethodName
  input: unknown
}

export interface FakeClient extends ParallaxClient {
  /** Every call, in order, with the input as the renderer sent it. */
  readonly calls: FakeCall[]
  callsTo<M extends MethodName>(method: M): MethodInput<M>[]
  /** Pushes an event to every listener, as a host does. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** How many listeners are subscribed now, to every event together. */
  listening(): number
}

/**
 * An in-memory host for component tests. Calls go through the contract's own dispatcher, so the
 * fake answers as both hosts do: a malformed input is refused naming the field, an answer that
 * breaks the contract comes back `internal`, and `RpcFailure` becomes an error answer. `handlers`
 * replace the defaults (settings, providers, empty lists; see default-handlers.ts); any other
 * method answers `unknown_method`.
 */
export function createFakeClient(handlers: FakeHandlers = {}): FakeClient {
  const answers: FakeHandlers = { ...defaultHandlers(), ...handlers }
  const everyMethod = Object.fromEntries(
    methodNames.map((method) => [method, answers[method] ?? notFaked(method)]),
  ) as Handlers
  const dispatch = createDispatcher(everyMethod, {
    // A test's answer that breaks the contract is a mistake in the test: say which one.
    onInternalError: (method, error) => console.warn(`fake host: ${method} failed`, error),
  })
  const calls: FakeCall[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()

  return {
    host: 'web',
    calls,
    invoke<M extends MethodName>(method: M, input: MethodInput<M>) {
      calls.push({ method, input })
      return dispatch(method, input) as Promise<RpcResult<MethodOutput<M>>>
    },
    callsTo: <M extends MethodName>(method: M) =>
      calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      const untyped = listener as (payload: unknown) => void
      set.add(untyped)
      listeners.set(event, set)
      return () => set.delete(untyped)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    listening: () => [...listeners.values()].reduce((count, set) => count + set.size, 0),
  }
}

function notFaked(method: MethodName) {
  return () => {
    throw new RpcFailure('unknown_method', `${method} is not faked in this test.`)
  }
}
