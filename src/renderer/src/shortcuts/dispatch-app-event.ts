import { FOCUS_INPUT_EVENT, FOCUS_SEARCH_EVENT, STOP_EVENT } from './shortcut-table'

const EVENT_BY_SHORTCUT = {
  searchHistory: FOCUS_SEARCH_EVENT,
  focusInput: FOCUS_INPUT_EVENT,
  stop: STOP_EVENT,
} as const

/** Tells whichever screen owns the control (search box, composer, running answer) to act. */
export function dispatchAppEvent(id: keyof typeof EVENT_BY_SHORTCUT): void {
  window.dispatchEvent(new CustomEvent(EVENT_BY_SHORTCUT[id]))
}
