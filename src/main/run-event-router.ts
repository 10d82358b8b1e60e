/**
 * Which windows get which events. Only `run.delta` (the streamed text, the one event sent many
 * times a second) is routed: a window that starts a run, a comparison or opens a conversation
 * watches that conversation and gets its deltas; other windows don't. Every other event —
 * `run.started` and `run.done` included, which every window's history list refreshes on — goes
 * to every window, as does a delta for a conversation nobody watches yet (a run's very first
 * event can beat the reply that names its conversation).
 */
export class RunEventRouter {
  private readonly watching = new Map<number, Set<string>>()

  /** Called with each successful call: the conversation it concerns, if any, is now watched. */
  noteCall(windowId: number, method: string, input: unknown, output: unknown): void {
    const conversationId = conversationOfCall(method, input, output)
    if (conversationId === undefined) return
    let set = this.watching.get(windowId)
    if (!set) this.watching.set(windowId, (set = new Set()))
    set.add(conversationId)
  }

  forget(windowId: number): void {
    this.watching.delete(windowId)
  }

  /** The windows (of `open`) an event goes to. */
  targets(event: string, payload: unknown, open: readonly number[]): number[] {
    if (!ROUTED_EVENTS.has(event)) return [...open]
    const conversationId = stringField(payload, 'conversationId')
    if (conversationId === undefined) return [...open]
    const watchers = open.filter((id) => this.watching.get(id)?.has(conversationId))
    return watchers.length > 0 ? watchers : [...open]
  }
}

/** Events sent only to the windows watching their conversation. */
const ROUTED_EVENTS: ReadonlySet<string> = new Set(['run.delta'])

const CONVERSATION_METHODS = new Set([
  'runs.startChat',
  'runs.rerun',
  'compare.start',
  'history.get',
])

function conversationOfCall(method: string, input: unknown, output: unknown): string | undefined {
  if (!CONVERSATION_METHODS.has(method)) return undefined
  if (method === 'history.get') return stringField(input, 'id')
  return stringField(output, 'conversationId')
}

function stringField(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const field = (value as Record<string, unknown>)[name]
  return typeof field === 'string' ? field : undefined
}
