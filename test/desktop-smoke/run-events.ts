import type { SmokeApp } from './smoke-app'

interface RunPayload {
  runId: string
  conversationId: string
}

export interface RunEvents {
  started: RunPayload[]
  deltas: (RunPayload & { answer: string; seq: number })[]
  done: (RunPayload & { status: string })[]
}

/** The run.* events one window's page received for one run, through its preload bridge. */
export function runEventsIn(app: SmokeApp, window: number, runId: string): RunEvents {
  const of = <T>(event: string): T[] =>
    app
      .pageEvents(window, event)
      .map((e) => e.payload as RunPayload)
      .filter((payload) => payload.runId === runId) as T[]
  return { started: of('run.started'), deltas: of('run.delta'), done: of('run.done') }
}

/** Waits until the page in `window` got the run.done of `runId`. */
export function waitForRunDone(
  app: SmokeApp,
  window: number,
  runId: string,
): Promise<RunEvents['done'][number]> {
  return app.waitFor(
    () => runEventsIn(app, window, runId).done[0],
    `run.done of ${runId} in window ${window}`,
  )
}
