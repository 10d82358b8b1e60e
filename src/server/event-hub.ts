import { events, type EventName, type EventPayload } from '../shared/contract'

export type EventListener = (event: EventName, payload: unknown) => void

export interface EventHub {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

/** Fans validated contract events out to every connected client. */
export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      const checked: unknown = events[event].payload.parse(payload)
      for (const listener of listeners) listener(event, checked)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
