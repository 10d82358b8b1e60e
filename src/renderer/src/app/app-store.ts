import type { ParallaxClient } from '../../../shared/client'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { RpcError, RpcResult } from '../../../shared/rpc-result'
import { onEventsMissed } from '../host/events-missed'
import { formatRoute, parseRoute, type Route } from './routes'

export type SettingsView = MethodOutput<'settings.get'>
export type ConnectionView = MethodOutput<'connections.list'>['connections'][number]
export type ProviderView = MethodOutput<'providers.list'>['providers'][number]

/** What every screen shares. Replaced as a whole on each change, so a selector can compare. */
export interface AppSnapshot {
  route: Route
  /** Null until the host answered. */
  settings: SettingsView | null
  /** Set when the host refused or failed the first call (e.g. the page has no access token). */
  hostError: RpcError | null
  providers: ProviderView[]
  connections: ConnectionView[]
  /** False until the first connections.list answered. */
  connectionsLoaded: boolean
  /** Grows whenever history changed (a run started or ended, a conversation was edited). */
  historyVersion: number
}

/**
 * The app's shared state and the actions that change it, for one client: the `ModelCache` way
 * (`subscribe` + `getSnapshot` for `useSyncExternalStore`), so a component re-renders only when
 * the part it selects changes. Every action that asks the host answers its `RpcResult`; none
 * throws for a refusal.
 */
export class AppStore {
  private snapshot: AppSnapshot
  private readonly listeners = new Set<() => void>()
  readonly client: ParallaxClient

  constructor(client: ParallaxClient, hash: string) {
    this.client = client
    this.snapshot = {
      route: parseRoute(hash),
      settings: null,
      hostError: null,
      providers: [],
      connections: [],
      connectionsLoaded: false,
      historyVersion: 0,
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  getSnapshot = (): AppSnapshot => this.snapshot

  /** Asks the host for settings, providers and connections, and follows history changes. */
  start(): () => void {
    void this.client.invoke('settings.get', {}).then((result) => {
      if (result.ok) this.set({ settings: result.value })
      else this.set({ hostError: result.error })
    })
    void this.client.invoke('providers.list', {}).then((result) => {
      if (result.ok) this.set({ providers: result.value.providers })
    })
    void this.reloadConnections()
    const offs = [
      this.client.on('run.started', this.historyChanged),
      this.client.on('run.done', this.historyChanged),
      onEventsMissed(this.client, this.historyChanged),
    ]
    return () => offs.forEach((off) => off())
  }

  /** The route the address bar now shows (after `hashchange`). */
  routeChanged = (hash: string): void => this.set({ route: parseRoute(hash) })

  navigate = (route: Route): void => {
    const hash = formatRoute(route)
    if (window.location.hash !== hash) window.location.hash = hash
    this.set({ route })
  }

  reloadConnections = async (): Promise<void> => {
    const result = await this.client.invoke('connections.list', {})
    this.set(
      result.ok
        ? { connections: result.value.connections, connectionsLoaded: true }
        : { connectionsLoaded: true },
    )
  }

  historyChanged = (): void => this.set({ historyVersion: this.snapshot.historyVersion + 1 })

  updateSettings = (changes: MethodInput<'settings.update'>): Promise<RpcResult<SettingsView>> =>
    this.settingsFrom(this.client.invoke('settings.update', changes))

  /** Chooses the data folder for the next start; the settings shown follow the answer. */
  chooseDataDir = (
    input: MethodInput<'settings.chooseDataDir'>,
  ): Promise<RpcResult<SettingsView>> =>
    this.settingsFrom(this.client.invoke('settings.chooseDataDir', input))

  /** Desktop app: the native folder dialog picks the data folder for the next start. */
  pickDataDir = (input: MethodInput<'settings.pickDataDir'>): Promise<RpcResult<SettingsView>> =>
    this.settingsFrom(this.client.invoke('settings.pickDataDir', input))

  private async settingsFrom(
    call: Promise<RpcResult<SettingsView>>,
  ): Promise<RpcResult<SettingsView>> {
    const result = await call
    if (result.ok) this.set({ settings: result.value })
    return result
  }

  private set(changes: Partial<AppSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes }
    for (const listener of this.listeners) listener()
  }
}
