import type { EventName, EventPayload } from '../shared/contract'

/**
 * Where the core sends the contract's events; each host delivers them (IPC, SSE). A service that
 * emits only some events takes the narrower `EventSink<'run.started' | …>`, which the whole sink
 * satisfies as it is.
 */
export type EventSink<N extends EventName = EventName> = <E extends N>(
  event: E,
  payload: EventPayload<E>,
) => void
