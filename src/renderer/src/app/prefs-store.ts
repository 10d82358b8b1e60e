import type { ParallaxClient } from '../../../shared/client'
import {
  prefSchemas,
  type PrefKey,
  type Prefs,
  type PrefsUpdate,
} from '../../../shared/prefs-schemas'

/**
 * The window's preferences (presets, last models, sidebar, dismissed banners), kept by the host
 * in the data folder: loaded once before the first render, so nothing flashes, then written
 * through after a short pause. Until `loadPrefs` runs (unit tests) they live in memory only.
 */

const WRITE_DELAY_MS = 200

/** Where each preference lived before it moved to the data folder, read once to migrate it. */
export const LEGACY_STORAGE_KEYS: Record<Exclude<PrefKey, 'dismissed'>, string> = {
  presets: 'parallax.presets.v1',
  lastChoice: 'parallax.lastChoice.v1',
  lastColumns: 'parallax.lastColumns.v1',
  sidebarCollapsed: 'parallax.sidebarCollapsed.v1',
}

/** Resolves whether the host saved the changes. */
type Writer = (changes: PrefsUpdate) => Promise<boolean>

let values: Prefs = {}
let writer: Writer | null = null
let pending: PrefsUpdate = {}
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<() => void>()

export function getPref<K extends PrefKey>(key: K): Prefs[K] {
  return values[key]
}

/** Changes a preference at once for this window; the host hears of it a moment later. */
export function setPref<K extends PrefKey>(key: K, value: NonNullable<Prefs[K]> | null): void {
  values = applied(values, { [key]: value })
  pending = { ...pending, [key]: value }
  notify()
  if (writer === null) return
  clearTimeout(timer)
  timer = setTimeout(() => void flushPrefs(), WRITE_DELAY_MS)
}

export function subscribePrefs(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Sends the changes not yet written; resolves whether nothing is left unsaved. */
export async function flushPrefs(): Promise<boolean> {
  clearTimeout(timer)
  timer = undefined
  const changes = pending
  pending = {}
  if (writer === null || Object.keys(changes).length === 0) return true
  return writer(changes)
}

/**
 * Reads the host's preferences, then moves any still in this browser's storage (from before
 * they were kept in the data folder) to the host, once: the host's own values win.
 */
export async function loadPrefs(
  client: ParallaxClient,
  storage: Pick<Storage, 'getItem' | 'removeItem'> | null = browserStorage(),
): Promise<void> {
  writer = async (changes) => {
    const result = await client.invoke('prefs.set', changes)
    if (!result.ok) console.warn(`Preferences not saved: ${result.error.message}`)
    return result.ok
  }
  const result = await client.invoke('prefs.get', {})
  // A host that cannot answer (signed out, stopped) leaves the defaults; the page says why.
  if (!result.ok) return
  const migrated = storage ? readLegacy(storage, result.value) : {}
  values = applied({ ...result.value, ...migrated }, pending)
  notify()
  let moved = true
  if (Object.keys(migrated).length > 0) {
    pending = { ...migrated, ...pending }
    moved = await flushPrefs()
  }
  // Kept in the browser until the host has them, so a failed move is tried again next time.
  if (storage && moved)
    for (const key of Object.values(LEGACY_STORAGE_KEYS)) removeQuietly(storage, key)
  watchOtherWindows(client)
}

/** For unit tests: forget everything and stop writing to a host. */
export function resetPrefs(initial: Prefs = {}): void {
  clearTimeout(timer)
  timer = undefined
  values = { ...initial }
  pending = {}
  writer = null
  notify()
}

/** `prefs` with `changes` made: a value replaces, null removes. */
function applied(prefs: Prefs, changes: PrefsUpdate): Prefs {
  const merged = Object.entries({ ...prefs, ...changes }).filter(
    ([, value]) => value !== null && value !== undefined,
  )
  return Object.fromEntries(merged) as Prefs
}

function notify(): void {
  for (const listener of listeners) listener()
}

/** Another window may have changed them: read them again when this one comes back to front. */
function watchOtherWindows(client: ParallaxClient): void {
  if (typeof document === 'undefined') return
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      void flushPrefs()
      return
    }
    void client.invoke('prefs.get', {}).then((result) => {
      if (!result.ok) return
      values = applied(result.value, pending)
      notify()
    })
  })
}

function readLegacy(storage: Pick<Storage, 'getItem'>, host: Prefs): Prefs {
  const found: Record<string, unknown> = {}
  for (const [key, storageKey] of Object.entries(LEGACY_STORAGE_KEYS) as [PrefKey, string][]) {
    if (host[key] !== undefined) continue
    let raw: string | null
    try {
      raw = storage.getItem(storageKey)
    } catch {
      return {}
    }
    if (raw === null) continue
    const value = legacyValue(key, raw)
    if (value !== undefined) found[key] = value
  }
  return found as Prefs
}

function legacyValue(key: PrefKey, raw: string): unknown {
  if (key === 'sidebarCollapsed') return raw === 'true'
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (key === 'presets') {
    // As before: a damaged preset is skipped, the others kept.
    if (!Array.isArray(data)) return undefined
    return data.flatMap((item: unknown) => {
      const parsed = prefSchemas.presets.element.safeParse(item)
      return parsed.success ? [parsed.data] : []
    })
  }
  const parsed = prefSchemas[key].safeParse(data)
  return parsed.success ? parsed.data : undefined
}

function removeQuietly(storage: Pick<Storage, 'removeItem'>, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Storage switched off: nothing to clean up.
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage
  } catch {
    return null
  }
}
