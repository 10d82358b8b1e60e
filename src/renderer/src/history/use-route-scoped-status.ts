import { useState } from 'react'
import { useAppState } from '../app/app-context'
import { formatRoute } from '../app/routes'
import type { HistoryStatus, ReportStatus } from './history-status'

/**
 * The sidebar's status line ("Exported …", an import report, an error), kept only on the page
 * where it was reported: going to another page clears it, so it does not follow the person
 * around. A report that arrives after the move (an import still running) is shown there.
 */
export function useRouteScopedStatus(): [HistoryStatus | null, ReportStatus] {
  const route = useAppState((app) => formatRoute(app.route))
  const [status, setStatus] = useState<HistoryStatus | null>(null)
  const [statusRoute, setStatusRoute] = useState(route)
  if (statusRoute !== route) {
    // Adjusting state while rendering (React's pattern for "reset when a value changes").
    setStatusRoute(route)
    setStatus(null)
  }
  return [status, setStatus]
}
