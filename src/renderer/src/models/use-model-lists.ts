import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { useAppState, useAppStore } from '../app/app-context'
import { modelCacheFor, type ModelListState } from './model-cache'
import { choiceKey, findModelEntry, parseChoiceKey, type ModelChoice } from './model-choice'

export type { ModelListState } from './model-cache'

export interface ModelLists {
  /** By connection id, for every saved connection. */
  lists: Record<string, ModelListState>
  /** Asks the provider again (models.list with refresh: true). */
  refresh(connectionId: string): void
}

const LOADING: ModelListState = { status: 'loading' }

/** Every connection's models, each asked once per page and shared by every caller. */
export function useModelLists(): ModelLists {
  const { client } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const cache = modelCacheFor(client)
  const snapshot = useSyncExternalStore(cache.subscribe, cache.getSnapshot)

  useEffect(() => {
    for (const connection of connections) void cache.loadList(connection.id, connection.updatedAt)
  }, [cache, connections])

  const lists = useMemo(() => {
    const byConnection: Record<string, ModelListState> = {}
    for (const connection of connections) {
      byConnection[connection.id] = snapshot.lists.get(connection.id) ?? LOADING
    }
    return byConnection
  }, [connections, snapshot])

  const refresh = useCallback(
    (connectionId: string) => {
      const connection = connections.find((c) => c.id === connectionId)
      void cache.refreshList(connectionId, connection?.updatedAt ?? 0)
    },
    [cache, connections],
  )

  return { lists, refresh }
}

/**
 * What each chosen model accepts: from its connection's list when the model is in it, else asked
 * with models.capabilities (a custom id). Null while unknown or when the host could not answer.
 */
export function useCapabilitiesOf(
  choices: readonly ModelChoice[],
): (ModelCapabilitiesView | null)[] {
  const { client } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const { lists } = useModelLists()
  const cache = modelCacheFor(client)
  const snapshot = useSyncExternalStore(cache.subscribe, cache.getSnapshot)
  // A string key keeps the effects steady when callers pass a new array of the same choices.
  const key = choices.map(choiceKey).join('\n')

  const resolved = useMemo(
    () =>
      parseKey(key).map((choice) => {
        const state = lists[choice.connectionId]
        const entry = findModelEntry(state?.list, choice.model)
        return { choice, fromList: entry?.capabilities, needsAsking: !entry && isSettled(state) }
      }),
    [key, lists],
  )

  useEffect(() => {
    for (const { choice, needsAsking } of resolved) {
      if (!needsAsking) continue
      const connection = connections.find((c) => c.id === choice.connectionId)
      void cache.loadCapabilities(choice.connectionId, choice.model, connection?.updatedAt ?? 0)
    }
  }, [cache, connections, resolved])

  return useMemo(
    () =>
      resolved.map(
        ({ choice, fromList }) =>
          fromList ?? snapshot.capabilities.get(choiceKey(choice))?.capabilities ?? null,
      ),
    [resolved, snapshot],
  )
}

/** useCapabilitiesOf for one choice (null when nothing is chosen). */
export function useCapabilities(choice: ModelChoice | null): ModelCapabilitiesView | null {
  return useCapabilitiesOf(choice ? [choice] : [])[0] ?? null
}

/** A list that finished loading at least once (with or without models) will not grow by itself. */
function isSettled(state: ModelListState | undefined): boolean {
  return state !== undefined && (state.status === 'ready' || state.list !== undefined)
}

function parseKey(key: string): ModelChoice[] {
  if (key === '') return []
  return key.split('\n').flatMap((part) => {
    const choice = parseChoiceKey(part)
    return choice ? [choice] : []
  })
}
