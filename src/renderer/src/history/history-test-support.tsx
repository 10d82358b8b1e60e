import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type {
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
} from '../../../shared/contract'
import { rpcFail, rpcOk, type RpcResult } from '../../../shared/rpc-result'
import { AppProvider } from '../app/app-context'
import { I18nProvider } from '../i18n/i18n'
import type { ConversationView } from './use-history-list'
import type { SearchHitView } from './use-history-search'

/* Helpers for the history component tests (not part of the app). */

type Handlers = {
  [M in MethodName]?: (
    input: MethodInput<M>,
  ) => RpcResult<MethodOutput<M>> | Promise<RpcResult<MethodOutput<M>>>
}

export interface FakeClient extends ParallaxClient {
  calls: { method: MethodName; input: unknown }[]
  inputsOf<M extends MethodName>(method: M): MethodInput<M>[]
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
}

const DEFAULTS: Handlers = {
  'providers.list': () =>
    rpcOk({
      providers: [
        { id: 'openai', label: 'OpenAI', fields: [], docsUrl: '' },
        { id: 'anthropic', label: 'Anthropic', fields: [], docsUrl: '' },
      ],
    }),
  'connections.list': () => rpcOk({ connections: [] }),
  'history.list': () => rpcOk({ items: [], nextCursor: null }),
}

/** An in-memory host: answers from `handlers` (then a few defaults) and records every call. */
export function createFakeClient(handlers: Handlers = {}): FakeClient {
  const calls: FakeClient['calls'] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const all = { ...DEFAULTS, ...handlers } as Record<
    string,
    ((input: unknown) => RpcResult<unknown> | Promise<RpcResult<unknown>>) | undefined
  >
  const client = {
    host: 'web' as const,
    calls,
    async invoke(method: MethodName, input: unknown) {
      calls.push({ method, input })
      const handler = all[method]
      return handler ? handler(input) : rpcFail('unknown_method', `no fake for ${method}`)
    },
    on(event: string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
    inputsOf(method: MethodName) {
      return calls.filter((call) => call.method === method).map((call) => call.input)
    },
    emit(event: string, payload: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
  return client as unknown as FakeClient
}

export function renderWithApp(ui: ReactNode, client: FakeClient, language: 'en' | 'ko' = 'en') {
  return render(
    <AppProvider client={client}>
      <I18nProvider language={language}>{ui}</I18nProvider>
    </AppProvider>,
  )
}

export function conversation(
  fields: Partial<ConversationView> & { id: string; updatedAt: number },
): ConversationView {
  return {
    title: `Conversation ${fields.id}`,
    createdAt: fields.updatedAt,
    pinned: false,
    archived: false,
    mode: 'chat',
    tags: [],
    ...fields,
  }
}

export function searchHit(
  fields: Partial<SearchHitView> & { conversationId: string; text: string },
  highlights: [number, number][] = [],
): SearchHitView {
  const { text, ...rest } = fields
  return {
    kind: 'answer',
    conversationTitle: `Conversation ${fields.conversationId}`,
    messageId: 'm1',
    runId: 'r1',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    status: 'done',
    createdAt: Date.now(),
    snippet: { text, highlights, marked: text },
    ...rest,
  }
}

/** A promise the test settles by hand, to answer requests out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}
