import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { MethodInput, MethodOutput } from '../../../shared/contract'
import type { RpcError, RpcResult } from '../../../shared/rpc-result'
import { formatRoute, parseRoute, type Route } from './routes'
import { onEventsMissed } from '../host/events-missed'

export type SettingsView = MethodOutput<'settings.get'>
export type ConnectionView = MethodOutput<'connections.list'>['connections'][number]
export type ProviderView = MethodOutput<'providers.list'>['providers'][number]

export interface AppState {
  client: ParallaxClient
  route: Route
  navigate(route: Route): void
  /** Null until the host answered. */
  settings: SettingsView | null
  /** Set when the host refused or failed the first call (e.g. the page has no access token). */
  hostError: RpcError | null
  updateSettings(changes: MethodInput<'settings.update'>): Promise<void>
  /** Chooses the data folder for the next start; the settings shown follow the answer. */
  chooseDataDir(input: MethodInput<'settings.chooseDataDir'>): Promise<RpcResult<SettingsView>>
  /** Desktop app: the native folder dialog picks the data folder for the next start. */
  pickDataDir(input: MethodInput<'settings.pickDataDir'>): Promise<RpcResult<SettingsView>>
  providers: ProviderView[]
  connections: ConnectionView[]
  /** False until the first connections.list answered. */
  connectionsLoaded: boolean
  reloadConnections(): Promise<void>
  /** Grows whenever history changed (a run started or ended, a conversation was edited). */
  historyVersion: number
  historyChanged(): void
}

const AppContext = createContext<AppState | undefined>(undefined)

/** Holds what every screen shares: the client, the route, settings and connections. */
export function AppProvider({ client, children }: { client: ParallaxClient; children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash))
  const [settings, setSettings] = useState<SettingsView | null>(null)
  const [hostError, setHostError] = useState<RpcError | null>(null)
  const [providers, setProviders] = useState<ProviderView[]>([])
  const [connections, setConnections] = useState<ConnectionView[]>([])
  const [connectionsLoaded, setConnectionsLoaded] = useState(false)
  const [historyVersion, setHistoryVersion] = useState(0)

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const navigate = useCallback((next: Route) => {
    const hash = formatRoute(next)
    if (window.location.hash !== hash) window.location.hash = hash
    setRoute(next)
  }, [])

  const reloadConnections = useCallback(async () => {
    const result = await client.invoke('connections.list', {})
    if (result.ok) setConnections(result.value.connections)
    setConnectionsLoaded(true)
  }, [client])

  useEffect(() => {
    void client.invoke('settings.get', {}).then((result) => {
      if (result.ok) setSettings(result.value)
      else setHostError(result.error)
    })
    void client.invoke('providers.list', {}).then((result) => {
      if (result.ok) setProviders(result.value.providers)
    })
    void client.invoke('connections.list', {}).then((result) => {
      if (result.ok) setConnections(result.value.connections)
      setConnectionsLoaded(true)
    })
  }, [client])

  const historyChanged = useCallback(() => setHistoryVersion((v) => v + 1), [])
  useEffect(() => {
    const offStart = client.on('run.started', historyChanged)
    const offDone = client.on('run.done', historyChanged)
    const offMissed = onEventsMissed(client, historyChanged)
    return () => {
      offStart()
      offDone()
      offMissed()
    }
  }, [client, historyChanged])

  const chooseDataDir = useCallback(
    async (input: MethodInput<'settings.chooseDataDir'>) => {
      const result = await client.invoke('settings.chooseDataDir', input)
      if (result.ok) setSettings(result.value)
      return result
    },
    [client],
  )

  const pickDataDir = useCallback(
    async (input: MethodInput<'settings.pickDataDir'>) => {
      const result = await client.invoke('settings.pickDataDir', input)
      if (result.ok) setSettings(result.value)
      return result
    },
    [client],
  )

  const updateSettings = useCallback(
    async (changes: MethodInput<'settings.update'>) => {
      const result = await client.invoke('settings.update', changes)
      if (!result.ok) throw new Error(result.error.message)
      setSettings(result.value)
    },
    [client],
  )

  const value = useMemo<AppState>(
    () => ({
      client,
      route,
      navigate,
      settings,
      hostError,
      updateSettings,
      chooseDataDir,
      pickDataDir,
      providers,
      connections,
      connectionsLoaded,
      reloadConnections,
      historyVersion,
      historyChanged,
    }),
    [
      chooseDataDir,
      pickDataDir,
      client,
      route,
      navigate,
      settings,
      hostError,
      updateSettings,
      providers,
      connections,
      connectionsLoaded,
      reloadConnections,
      historyVersion,
      historyChanged,
    ],
  )
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>
}

export function useApp(): AppState {
  const value = useContext(AppContext)
  if (!value) throw new Error('useApp must be used inside <AppProvider>')
  return value
}
