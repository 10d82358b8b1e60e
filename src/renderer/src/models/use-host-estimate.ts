import { useEffect, useState } from 'react'
import type { EstimateInput, TargetEstimate } from '../../../shared/estimate-schemas'
import { useAppStore } from '../app/app-context'

/** Typing pauses this long before the host is asked again. */
export const ESTIMATE_DEBOUNCE_MS = 250

/**
 * Only an image's size counts, and it is in the file's first bytes: the host gets that much
 * (a whole number of base64 groups), not megabytes on every keystroke.
 */
export const IMAGE_HEAD_CHARS = 262_144

export interface HostEstimate {
  /** The host's last answer, per target; null before the first or when it failed. */
  targets: TargetEstimate[] | null
  /** True while the shown answer is for an earlier text (a newer one is on its way). */
  pending: boolean
}

/**
 * runs.estimate for the prompt being typed: asked after a pause in typing; an answer to an
 * older input is dropped, so the last input's answer is the one shown.
 */
export function useHostEstimate(input: EstimateInput | null): HostEstimate {
  const { client } = useAppStore()
  const key = input ? JSON.stringify(input) : null
  const [answer, setAnswer] = useState<{ key: string; targets: TargetEstimate[] } | null>(null)

  useEffect(() => {
    if (key === null) return
    let current = true
    const timer = setTimeout(() => {
      void client.invoke('runs.estimate', JSON.parse(key) as EstimateInput).then((result) => {
        if (current && result.ok) setAnswer({ key, targets: result.value.targets })
      })
    }, ESTIMATE_DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [client, key])

  if (key === null) return { targets: null, pending: false }
  return { targets: answer?.targets ?? null, pending: answer?.key !== key }
}

/** An image as the estimate sends it: its type and the beginning of its base64. */
export function imageHead(image: { mediaType: EstimateImage['mediaType']; data: string }) {
  return { mediaType: image.mediaType, data: image.data.slice(0, IMAGE_HEAD_CHARS) }
}
type EstimateImage = NonNullable<EstimateInput['images']>[number]
