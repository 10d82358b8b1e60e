/**
 * The first-token and total times a run card shows. While the run is live, Total is the time
 * since it was sent, counted to `now`; it never reads less than First token, also in the frames
 * where the first text has been measured but the ticking clock has not caught up yet, or where
 * the two were measured by different clocks.
 */
export function shownTimes(
  run: {
    live: boolean
    /** When the run was sent (null while it is queued). */
    startedAt: number | null
    ttftMs: number | null
    totalMs: number | null
  },
  now: number,
): { ttftMs: number | null; totalMs: number | null } {
  const total = run.live
    ? run.startedAt === null
      ? null
      : Math.max(0, now - run.startedAt)
    : run.totalMs
  if (total === null || run.ttftMs === null) return { ttftMs: run.ttftMs, totalMs: total }
  return { ttftMs: run.ttftMs, totalMs: Math.max(total, run.ttftMs) }
}
