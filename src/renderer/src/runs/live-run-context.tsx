import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { useApp } from '../app/app-context'
import { LiveRunStore, type LiveRun } from './live-run-store'

const LiveRunContext = createContext<LiveRunStore | null>(null)

/** One store per window, listening from the start so that no run's first delta is missed. */
export function LiveRunProvider({ children }: { children: ReactNode }) {
  const { client } = useApp()
  const [store] = useState(() => new LiveRunStore(client))
  useEffect(() => store.connect(), [store])
  return <LiveRunContext.Provider value={store}>{children}</LiveRunContext.Provider>
}

export function useLiveRunStore(): LiveRunStore {
  const store = useContext(LiveRunContext)
  if (!store) throw new Error('useLiveRunStore must be used inside <LiveRunProvider>')
  return store
}

export function useLiveRun(runId: string): LiveRun | undefined {
  const store = useLiveRunStore()
  // A stable subscribe function, so React does not re-subscribe on every streamed frame.
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(runId, listener),
    [store, runId],
  )
  return useSyncExternalStore(subscribe, () => store.get(runId))
}
