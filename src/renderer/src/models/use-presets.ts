import { useCallback, useSyncExternalStore } from 'react'
import { subscribePrefs } from '../app/prefs-store'
import {
  deletePreset,
  readPresets,
  savePreset,
  type Preset,
  type PresetDraft,
} from './presets-store'

export interface PresetsState {
  presets: Preset[]
  /** Throws when the preset cannot be stored. */
  save(draft: PresetDraft): Preset[]
  remove(id: string): void
}

/** Saved presets (kept in the data folder), re-rendering when they change. */
export function usePresets(): PresetsState {
  const presets = useSyncExternalStore(subscribePrefs, readPresets)
  const save = useCallback((draft: PresetDraft) => savePreset(draft), [])
  const remove = useCallback((id: string) => {
    deletePreset(id)
  }, [])
  return { presets, save, remove }
}
