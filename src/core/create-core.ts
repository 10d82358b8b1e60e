import type { EventName, EventPayload, HostKind } from '../shared/contract'
import type { Handlers } from '../shared/dispatch'
import { readAppInfo } from './app/app-info'

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreOptions {
  version: string
  host: HostKind
  dataDir: string
  emit: EventSink
}

export interface Core {
  handlers: Handlers
  emit: EventSink
  close(): Promise<void>
}

/** Builds the app services behind the contract. Both hosts bind the returned handlers. */
export function createCore(options: CoreOptions): Core {
  const handlers: Handlers = {
    'app.info': () => readAppInfo(options),
  }
  return {
    handlers,
    emit: options.emit,
    close: async () => {},
  }
}
