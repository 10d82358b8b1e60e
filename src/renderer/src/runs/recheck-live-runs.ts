import type { ParallaxClient } from '../../../shared/client'
import type { LiveRunStore } from './live-run-store'

/**
 * Reads every run the store takes to be open again from history (one history.get per
 * conversation) and tells the store what is saved now. Called when events were missed, e.g. a
 * run.done: without it such a run would show as streaming forever.
 */
export async function recheckLiveRuns(store: LiveRunStore, client: ParallaxClient): Promise<void> {
  const byConversation = new Map<string, string[]>()
  for (const run of store.openRuns()) {
    const ids = byConversation.get(run.conversationId) ?? []
    ids.push(run.runId)
    byConversation.set(run.conversationId, ids)
  }
  await Promise.all(
    [...byConversation].map(async ([conversationId, runIds]) => {
      const result = await client.invoke('history.get', { id: conversationId })
      // Could not ask (the host is away): leave them; a later gap or event says more.
      if (!result.ok && result.error.kind !== 'not_found') return
      const saved = new Map(result.ok ? result.value.runs.map((run) => [run.id, run.status]) : [])
      for (const runId of runIds) store.resync(runId, saved.get(runId))
    }),
  )
}
