import type { ParallaxClient } from '../../../../shared/client'
import {
  methods,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../../shared/contract'
import { RpcFailure, type RpcResult } from '../../../../shared/rpc-result'

type Handler<M extends MethodName> = (input: MethodInput<M>) => MethodOutput<M>
export type FakeHandlers = { [M in MethodName]?: Handler<M> }

export interface FakeCall {
  method: MethodName
  input: unknown
}

export interface FakeClient extends ParallaxClient {
  readonly calls: FakeCall[]
  callsTo<M extends MethodName>(method: M): MethodInput<M>[]
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

export const defaultSettings: MethodOutput<'settings.get'> = {
  language: 'system',
  theme: 'system',
  requestTimeoutSeconds: 600,
  idleTimeoutSeconds: 60,
  maxRetries: 2,
  dataDir: '/home/ada/.parallax',
  dataDirSource: 'default',
  defaultDataDir: '/home/ada/.parallax',
  nextDataDir: null,
  nextCopiesData: false,
  nextDataDirApplies: null,
  dataDirChooser: 'path',
}

/**
 * An in-memory host for component tests: inputs are checked against the contract's schemas (so a
 * malformed call fails the way a real host would), every call is recorded, and events are pushed
 * with `emit`. A handler throws `RpcFailure` to answer with an error.
 */
export function createFakeClient(handlers: FakeHandlers = {}): FakeClient {
  let settings = { ...defaultSettings }
  const defaults: FakeHandlers = {
    'settings.get': () => settings,
    'settings.update': (changes) => {
      settings = { ...settings, ...changes }
      return settings
    },
    'providers.list': () => ({ providers: [] }),
    'connections.list': () => ({ connections: [] }),
    'app.info': () => ({
      name: 'Parallax',
      version: '0.1.0',
      host: 'web',
      platform: 'linux',
      arch: 'x64',
      versions: { node: '24.0.0', v8: '13.0' },
      dataDir: settings.dataDir,
    }),
    'app.notices': () => ({ notices: [] }),
    'history.backups': () => ({ backups: [], pendingRestore: null }),
  }
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: FakeCall[] = []

  const answer = (method: MethodName, input: unknown): RpcResult<unknown> => {
    const parsed = methods[method].input.safeParse(input)
    if (!parsed.success) {
      return { ok: false, error: { kind: 'invalid_input', message: parsed.error.message } }
    }
    const handler = (handlers[method] ?? defaults[method]) as
      ((input: unknown) => unknown) | undefined
    if (!handler) return { ok: false, error: { kind: 'unknown_method', message: method } }
    try {
      return { ok: true, value: handler(input) }
    } catch (error) {
      if (error instanceof RpcFailure) {
        const field = error.field === undefined ? {} : { field: error.field }
        const code = error.code === undefined ? {} : { code: error.code }
        return { ok: false, error: { kind: error.kind, message: error.message, ...field, ...code } }
      }
      throw error
    }
  }

  return {
    host: 'web',
    calls,
    callsTo: <M extends MethodName>(method: M) =>
      calls.filter((call) => call.method === method).map((call) => call.input as MethodInput<M>),
    invoke: (method, input) => {
      calls.push({ method, input })
      return Promise.resolve(answer(method, input) as never)
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      listeners.set(event, set)
      return () => set.delete(wrapped)
    },
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
}
