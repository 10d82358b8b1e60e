import type { ChildMessage, SmokeConfig, Violation } from '../messages.ts'

/** The one process-wide state of the stand-in `electron` module, shared by all its parts. */
export const state = {
  config: undefined as SmokeConfig | undefined,
  ready: false,
  /** Set once the app quits or exits; nothing is emitted after it. */
  ending: false,
  violations: [] as Violation[],
  report: (_message: ChildMessage): void => {},
  /** Ends the process (the driver sends what is pending first). */
  exit: (code: number, _how: 'quit' | 'exit'): void => process.exit(code),
}

export function configure(
  config: SmokeConfig,
  hooks: {
    report: (message: ChildMessage) => void
    exit: (code: number, how: 'quit' | 'exit') => void
  },
): void {
  state.config = config
  state.report = hooks.report
  state.exit = hooks.exit
}

export function config(): SmokeConfig {
  if (!state.config) throw new Error('The stand-in electron module was loaded without a config.')
  return state.config
}

/** An Electron `Event`: what listeners get as their first argument. */
export interface StandInEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function makeEvent<T extends object>(fields?: T): StandInEvent & T {
  const event = {
    ...(fields as T),
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}
