import { capabilities, catalogModels, isLlmError, listModels } from '@parallax/llm'
import type { Connection, ModelInfo, ProviderId } from '@parallax/llm'
import type { ModelCapabilitiesView, ModelList } from '../../shared/model-schemas'

export interface ModelServiceDeps {
  resolveConnection(id: string): Promise<Connection>
  providerOf(id: string): ProviderId
  /** The model whose rules apply to `model` on the connection (an Azure deployment's base model). */
  baseModelOf?(id: string, model: string): string | undefined
  /** How long a provider's list is reused before asking again (default 10 minutes). */
  cacheMs?: number
  now?: () => number
}

export interface ModelService {
  list(connectionId: string, refresh?: boolean): Promise<ModelList>
  capabilities(connectionId: string, model: string): ModelCapabilitiesView
  /** Forgets a connection's cached list (after its fields change or it is deleted). */
  forget(connectionId: string): void
}

/**
 * The model picker's data: what the provider lists for a connection, merged with the catalog
 * (prices, context window, badges). When the provider cannot be asked, the catalog's models come
 * back with the error, so the picker still works offline.
 */
export function createModelService(deps: ModelServiceDeps): ModelService {
  const cacheMs = deps.cacheMs ?? 10 * 60_000
  const now = deps.now ?? Date.now
  const cache = new Map<string, { at: number; list: ModelList }>()

  return {
    async list(connectionId, refresh = false) {
      const provider = deps.providerOf(connectionId)
      const cached = cache.get(connectionId)
      if (cached && !refresh && now() - cached.at < cacheMs) return cached.list
      try {
        const connection = await deps.resolveConnection(connectionId)
        const listed = await listModels(connection, { timeoutMs: 20_000, maxRetries: 1 })
        const list: ModelList = {
          connectionId,
          provider,
          models: withSuggestions(provider, listed),
        }
        cache.set(connectionId, { at: now(), list })
        return list
      } catch (error) {
        const kind = isLlmError(error) ? error.kind : 'unknown'
        const message = error instanceof Error ? error.message : String(error)
        return {
          connectionId,
          provider,
          models: catalogModels(provider).map(view),
          error: { kind, message },
        }
      }
    },
    capabilities(connectionId, model) {
      const baseModel = deps.baseModelOf?.(connectionId, model)
      return capabilities(deps.providerOf(connectionId), model, baseModel ? { baseModel } : {})
    },
    forget(connectionId) {
      cache.delete(connectionId)
    },
  }
}

/** Listed models first, then catalog models the provider did not list, sorted by label. */
function withSuggestions(provider: ProviderId, listed: ModelInfo[]): ModelList['models'] {
  const ids = new Set(listed.map((model) => model.id))
  const known = listed.filter((model) => model.listed)
  const suggestions = [
    ...listed.filter((model) => !model.listed),
    ...catalogModels(provider).filter((model) => !ids.has(model.id)),
  ]
  const byLabel = (a: ModelInfo, b: ModelInfo) => a.label.localeCompare(b.label)
  return [...known.sort(byLabel), ...suggestions.sort(byLabel)].map(view)
}

function view(model: ModelInfo): ModelList['models'][number] {
  return {
    id: model.id,
    label: model.label,
    listed: model.listed,
    capabilities: model.capabilities,
  }
}
