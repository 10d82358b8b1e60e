import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ReactNode } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import { AppStore, type AppSnapshot } from './app-store'

export type { AppSnapshot, ConnectionView, ProviderView, SettingsView } from './app-store'

const AppStoreContext = createContext<AppStore | undefined>(undefined)

/** Holds what every screen shares (the client, the route, settings, connections) in one store. */
export function AppProvider({ client, children }: { client: ParallaxClient; children: ReactNode }) {
  const store = useMemo(() => new AppStore(client, window.location.hash), [client])

  useEffect(() => store.start(), [store])
  useEffect(() => {
    const onHash = () => store.routeChanged(window.location.hash)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [store])

  return <AppStoreContext.Provider value={store}>{children}</AppStoreContext.Provider>
}

/** The store: the client and the actions (stable; using them never re-renders). */
export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext)
  if (!store) throw new Error('useAppStore must be used inside <AppProvider>')
  return store
}

/**
 * One part of the shared state; the component re-renders only when that part changes. The
 * selector must return a part of the snapshot (or a primitive), not a new object.
 */
export function useAppState<T>(select: (snapshot: AppSnapshot) => T): T {
  const store = useAppStore()
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()))
}
