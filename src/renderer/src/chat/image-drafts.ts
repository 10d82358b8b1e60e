/** An image picked, pasted or dropped into the prompt box, ready to send. */
export interface ImageDraft {
  id: string
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'
  name: string
  /** Base64 of the bytes. */
  data: string
}

export const MAX_IMAGES = 8
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const

export type ImageProblem = { reason: 'type' | 'size'; name: string }

function isImageType(type: string): type is ImageDraft['mediaType'] {
  return (TYPES as readonly string[]).includes(type)
}

let counter = 0

/** Reads a file into a draft, or says why it cannot be sent (wrong type, over 5 MB). */
export async function readImageFile(file: File): Promise<ImageDraft | ImageProblem> {
  if (!isImageType(file.type)) return { reason: 'type', name: file.name }
  if (file.size > MAX_IMAGE_BYTES) return { reason: 'size', name: file.name }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return { id: `img-${++counter}`, mediaType: file.type, name: file.name, data: btoa(binary) }
}

export function isProblem(value: ImageDraft | ImageProblem): value is ImageProblem {
  return 'reason' in value
}

export function dataUrlOf(image: { mediaType: string; data: string }): string {
  return `data:${image.mediaType};base64,${image.data}`
}

/** Why the last attempt to attach did not (fully) work; worded by the composer. */
export type ImageNotice =
  | ImageProblem
  | { reason: 'tooMany' }
  /** Refused because these chosen models take no image input. */
  | { reason: 'noVision'; models: readonly string[] }

/**
 * The notice still worth showing with the models now chosen: a refusal for models without image
 * input is stale once the choice changes (another model, or one that takes images).
 */
export function liveImageNotice(
  notice: ImageNotice | null,
  noVision: readonly string[],
): ImageNotice | null {
  if (notice?.reason !== 'noVision') return notice
  const same =
    notice.models.length === noVision.length && notice.models.every((m, i) => m === noVision[i])
  return same ? notice : null
}
