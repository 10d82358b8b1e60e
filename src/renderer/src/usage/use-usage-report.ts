import { useEffect, useState } from 'react'
import { useAppState, useAppStore } from '../app/app-context'
import { usageRange, type RangeDays, type UsageRange } from './usage-range'
import type { UsageReport } from './usage-series'

export interface ShownUsage {
  range: UsageRange
  report: UsageReport
}

export type UsageState =
  | { status: 'loading'; shown: ShownUsage | null }
  | { status: 'ready'; shown: ShownUsage }
  | { status: 'error'; message: string; shown: ShownUsage | null }

type Answer = { key: string } & ({ shown: ShownUsage } | { message: string })

/**
 * `usage.report` for the last `days` days; asked again when history changes (a run ended). The
 * last report stays on screen while the next one loads, so the chart does not flash.
 */
export function useUsageReport(days: RangeDays): { state: UsageState; retry(): void } {
  const { client } = useAppStore()
  const historyVersion = useAppState((app) => app.historyVersion)
  const [attempt, setAttempt] = useState(0)
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [lastShown, setLastShown] = useState<ShownUsage | null>(null)
  const key = `${days}:${historyVersion}:${attempt}`

  useEffect(() => {
    let current = true
    const range = usageRange(days, new Date())
    void client
      .invoke('usage.report', {
        from: range.from,
        to: range.to,
        utcOffsetMinutes: -new Date().getTimezoneOffset(),
      })
      .then((result) => {
        if (!current) return
        if (!result.ok) {
          setAnswer({ key, message: result.error.message })
          return
        }
        const shown = { range, report: result.value }
        setLastShown(shown)
        setAnswer({ key, shown })
      })
    return () => {
      current = false
    }
  }, [client, days, key])

  const retry = () => setAttempt((n) => n + 1)
  if (answer === null || answer.key !== key) {
    return { state: { status: 'loading', shown: lastShown }, retry }
  }
  if ('message' in answer) {
    return { state: { status: 'error', message: answer.message, shown: lastShown }, retry }
  }
  return { state: { status: 'ready', shown: answer.shown }, retry }
}
