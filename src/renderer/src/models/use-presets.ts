import { useCallback, useEffect, useState } from 'react'
import {
  deletePreset,
  PRESETS_STORAGE_KEY,
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

/** Saved presets, kept current when another window of the app changes them. */
export function usePresets(): PresetsState {
  const [presets, setPresets] = useState<Preset[]>(() => readPresets())

  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === PRESETS_STORAGE_KEY || event.key === null) setPresets(readPresets())
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [])

  const save = useCallback((draft: PresetDraft) => {
    const next = savePreset(draft)
    setPresets(next)
    return next
  }, [])

  const remove = useCallback((id: string) => {
    setPresets(deletePreset(id))
  }, [])

  return { presets, save, remove }
}
