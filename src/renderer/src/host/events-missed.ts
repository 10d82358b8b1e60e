import type { ParallaxClient } from '../../../shared/client'

type Listener = () => void

const listeners = new WeakMap<ParallaxClient, Set<Listener>>()

/**
 * Calls `listener` whenever `client` lost host events it can no longer get: the web host kept too
 * few to replay what the page missed while its event stream was down (its `replay_gap` event).
 * A listener then re-reads what it shows from the host (history.get, history.list …). The
 * Electron client never loses events, so there this is never called.
 */
export function onEventsMissed(client: ParallaxClient, listener: Listener): () => void {
  let set = listeners.get(client)
  if (!set) listeners.set(client, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

/** Tells every listener of `client` that events were missed (see onEventsMissed). */
export function reportEventsMissed(client: ParallaxClient): void {
  for (const listener of [...(listeners.get(client) ?? [])]) {
    try {
      listener()
    } catch (error) {
      // One screen's failure to re-read must not keep the others from it.
      console.warn('events missed:', error)
    }
  }
}
