import { useSyncExternalStore } from 'react'

/** A window's layout preference, like the last-used models: kept in this browser profile. */
const KEY = 'parallax.sidebarCollapsed.v1'

const listeners = new Set<() => void>()

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true'
  } catch {
    return false
  }
}

let collapsed = read()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function isSidebarCollapsed(): boolean {
  return collapsed
}

export function setSidebarCollapsed(next: boolean): void {
  if (next === collapsed) return
  collapsed = next
  try {
    localStorage.setItem(KEY, String(next))
  } catch {
    // Storage refused (a private window): the choice lasts until the window closes.
  }
  for (const listener of listeners) listener()
}

export function toggleSidebar(): void {
  setSidebarCollapsed(!collapsed)
}

/** Whether the history sidebar is folded away; re-renders when it is toggled. */
export function useSidebarCollapsed(): boolean {
  return useSyncExternalStore(subscribe, isSidebarCollapsed)
}
