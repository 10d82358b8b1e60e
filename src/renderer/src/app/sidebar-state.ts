import { useSyncExternalStore } from 'react'
import { getPref, setPref, subscribePrefs } from './prefs-store'

/** A window's layout preference, like the last-used models: kept in the data folder. */

export function isSidebarCollapsed(): boolean {
  return getPref('sidebarCollapsed') ?? false
}

export function setSidebarCollapsed(next: boolean): void {
  if (next === isSidebarCollapsed()) return
  setPref('sidebarCollapsed', next)
}

export function toggleSidebar(): void {
  setSidebarCollapsed(!isSidebarCollapsed())
}

/** Whether the history sidebar is folded away; re-renders when it is toggled. */
export function useSidebarCollapsed(): boolean {
  return useSyncExternalStore(subscribePrefs, isSidebarCollapsed)
}
