import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  type ReactNode,
} from 'react'
import { useAppStore } from '../app/app-context'
import { LiveRunStore, type LiveRun } from './live-run-store'

const LiveRunContext = createContext<LiveRunStore | null>(null)

/** One store per window, listening from the start so that no run's first delta is missed. */
export function LiveRunProvider({ children }: { children: ReactNode }) {
  const { client } = useAppStore()
  const [store] = useState(() => new LiveRunStore(client))
  useEffect(() => store.connect(), [store])
  return <LiveRunContext.Provider value={store}>{children}</LiveRunContext.Provider>
}

export function useLiveRunStore(): LiveRunStore {
  const store = useContext(LiveRunContext)
  if (!store) throw new Error('useLiveRunStore must be used inside <LiveRunProvider>')
  return store
}

/**
 * A run's live state. Its start and end render at once; streamed text renders as a transition,
 * which React time-slices, so a long answer's update never blocks the page for a long task.
 */
export function useLiveRun(runId: string): LiveRun | undefined {
  const store = useLiveRunStore()
  const [state, setState] = useState(() => ({ runId, live: store.get(runId) }))
  useEffect(() => {
    const sync = (urgent: boolean): void => {
      const live = store.get(runId)
      const update = (): void =>
        setState((shown) =>
          shown.runId === runId && shown.live === live ? shown : { runId, live },
        )
      if (urgent) update()
      else startTransition(update)
    }
    sync(true) // whatever changed between the first render and subscribing
    return store.subscribe(runId, sync)
  }, [store, runId])
  const live = state.runId === runId ? state.live : store.get(runId)
  useLayoutEffect(() => {
    if (live) store.rendered(runId, live)
  }, [store, runId, live])
  return live
}

/**
 * Whether any of these (saved as streaming) runs is still live here: false once the connection to
 * the host was lost for all of them, so the page stops offering Stop for runs it cannot reach.
 */
export function useAnyRunLive(runIds: readonly string[]): boolean {
  const store = useLiveRunStore()
  const key = runIds.join(',')
  const check = (): boolean => runIds.some((id) => store.get(id)?.lostAt === undefined)
  const [live, setLive] = useState(check)
  useEffect(() => {
    const ids = key ? key.split(',') : []
    const sync = (): void => setLive(ids.some((id) => store.get(id)?.lostAt === undefined))
    sync()
    const stops = ids.map((id) => store.subscribe(id, sync))
    return () => stops.forEach((stop) => stop())
  }, [store, key])
  return runIds.length > 0 && live
}
