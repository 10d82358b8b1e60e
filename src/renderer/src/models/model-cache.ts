import type { ParallaxClient } from '../../../shared/client'
import type { ModelCapabilitiesView, ModelList } from '../../../shared/model-schemas'
import { choiceKey } from './model-choice'

/** A connection's model list: `list` may be present while loading again (a refresh). */
export interface ModelListState {
  status: 'loading' | 'ready'
  list?: ModelList
  /** Why the provider could not be asked (the list then holds catalog models) or the call failed. */
  error?: string
}

export interface CapabilitiesState {
  status: 'loading' | 'ready'
  capabilities?: ModelCapabilitiesView
  error?: string
}

export interface ModelCacheSnapshot {
  /** By connection id. */
  lists: ReadonlyMap<string, ModelListState>
  /** By choiceKey({connectionId, model}). */
  capabilities: ReadonlyMap<string, CapabilitiesState>
}

interface Request<T> {
  /** The connection's updatedAt when asked: an edited connection (new key, endpoint) asks again. */
  version: number
  promise: Promise<T>
}

/**
 * Model lists and capabilities of one client, asked once and shared by every picker and panel.
 * The snapshot is replaced on each change so that React can subscribe to it.
 */
export class ModelCache {
  private snapshot: ModelCacheSnapshot = { lists: new Map(), capabilities: new Map() }
  private readonly listRequests = new Map<string, Request<ModelListState>>()
  private readonly capabilityRequests = new Map<string, Request<CapabilitiesState>>()
  private readonly listeners = new Set<() => void>()
  private readonly client: ParallaxClient

  constructor(client: ParallaxClient) {
    this.client = client
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  getSnapshot = (): ModelCacheSnapshot => this.snapshot

  loadList(connectionId: string, version = 0): Promise<ModelListState> {
    const existing = this.listRequests.get(connectionId)
    if (existing && existing.version === version) return existing.promise
    return this.askList(connectionId, version, false)
  }

  refreshList(connectionId: string, version = 0): Promise<ModelListState> {
    return this.askList(connectionId, version, true)
  }

  loadCapabilities(connectionId: string, model: string, version = 0): Promise<CapabilitiesState> {
    const key = choiceKey({ connectionId, model })
    const existing = this.capabilityRequests.get(key)
    if (existing && existing.version === version) return existing.promise
    const request: Request<CapabilitiesState> = {
      version,
      promise: this.client.invoke('models.capabilities', { connectionId, model }).then(
        (result): CapabilitiesState =>
          result.ok
            ? { status: 'ready', capabilities: result.value }
            : { status: 'ready', error: result.error.message },
        (error: unknown): CapabilitiesState => ({ status: 'ready', error: messageOf(error) }),
      ),
    }
    this.capabilityRequests.set(key, request)
    void request.promise.then((state) => {
      if (this.capabilityRequests.get(key) === request) this.setCapabilities(key, state)
    })
    return request.promise
  }

  private askList(connectionId: string, version: number, refresh: boolean) {
    const previous = this.snapshot.lists.get(connectionId)
    if (previous) this.setList(connectionId, { ...previous, status: 'loading' })
    const input = refresh ? { connectionId, refresh: true } : { connectionId }
    const request: Request<ModelListState> = {
      version,
      promise: this.client.invoke('models.list', input).then(
        (result): ModelListState => {
          if (!result.ok) return { status: 'ready', error: result.error.message }
          const { error } = result.value
          return error
            ? { status: 'ready', list: result.value, error: error.message }
            : { status: 'ready', list: result.value }
        },
        (error: unknown): ModelListState => ({ status: 'ready', error: messageOf(error) }),
      ),
    }
    this.listRequests.set(connectionId, request)
    void request.promise.then((state) => {
      // A refresh started meanwhile owns the entry now.
      if (this.listRequests.get(connectionId) === request) this.setList(connectionId, state)
    })
    return request.promise
  }

  private setList(connectionId: string, state: ModelListState) {
    this.snapshot = { ...this.snapshot, lists: withEntry(this.snapshot.lists, connectionId, state) }
    this.notify()
  }

  private setCapabilities(key: string, state: CapabilitiesState) {
    const capabilities = withEntry(this.snapshot.capabilities, key, state)
    this.snapshot = { ...this.snapshot, capabilities }
    this.notify()
  }

  private notify() {
    for (const listener of this.listeners) listener()
  }
}

function withEntry<T>(map: ReadonlyMap<string, T>, key: string, value: T): ReadonlyMap<string, T> {
  const next = new Map(map)
  next.set(key, value)
  return next
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

const caches = new WeakMap<ParallaxClient, ModelCache>()

/** One cache per client, kept for the life of the page (a new client, e.g. in a test, starts empty). */
export function modelCacheFor(client: ParallaxClient): ModelCache {
  let cache = caches.get(client)
  if (!cache) {
    cache = new ModelCache(client)
    caches.set(client, cache)
  }
  return cache
}
