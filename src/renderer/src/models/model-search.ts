import type { ModelEntry } from '../../../shared/model-schemas'
import type { ConnectionView, ProviderView } from '../app/app-context'
import type { ModelListState } from './model-cache'

export interface PickerModel {
  connectionId: string
  entry: ModelEntry
  /** Lower-cased id, label and connection label, searched by every query word. */
  haystack: string
}

export interface PickerGroup {
  connection: ConnectionView
  providerLabel: string
  state: ModelListState
  /** Models the provider listed. */
  listed: PickerModel[]
  /** Catalog models the provider did not list (all of them when listing failed). */
  suggestions: PickerModel[]
}

/** The picker's groups in connection order, each with its models made searchable once. */
export function buildPickerGroups(
  connections: readonly ConnectionView[],
  providers: readonly ProviderView[],
  lists: Record<string, ModelListState>,
): PickerGroup[] {
  return connections.map((connection) => {
    const providerLabel =
      providers.find((provider) => provider.id === connection.provider)?.label ??
      connection.provider
    const state = lists[connection.id] ?? { status: 'loading' }
    const models = (state.list?.models ?? []).map((entry) => ({
      connectionId: connection.id,
      entry,
      haystack: [entry.id, entry.label, connection.label, providerLabel].join('\n').toLowerCase(),
    }))
    return {
      connection,
      providerLabel,
      state,
      listed: models.filter((model) => model.entry.listed),
      suggestions: models.filter((model) => !model.entry.listed),
    }
  })
}

/**
 * Keeps the models whose id, label, connection or provider contains every word of the query
 * (case-insensitive). With a query, groups left without models are dropped.
 */
export function filterPickerGroups(groups: readonly PickerGroup[], query: string): PickerGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...groups]
  const matches = (model: PickerModel) => words.every((word) => model.haystack.includes(word))
  return groups.flatMap((group) => {
    const listed = group.listed.filter(matches)
    const suggestions = group.suggestions.filter(matches)
    return listed.length + suggestions.length > 0 ? [{ ...group, listed, suggestions }] : []
  })
}

/**
 * Connections on which the typed text could be tried as a model id: none of their models has it.
 * Text with spaces is a search, never an id.
 */
export function customIdTargets(groups: readonly PickerGroup[], query: string): ConnectionView[] {
  const id = query.trim()
  if (id === '' || /\s/.test(id)) return []
  return groups
    .filter((group) => !(group.state.list?.models ?? []).some((entry) => entry.id === id))
    .map((group) => group.connection)
}
