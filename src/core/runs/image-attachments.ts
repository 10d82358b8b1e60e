import { capabilities, type ProviderId } from '@parallax/llm'
import type { Attachment } from '../history'
import { RunInputError } from './run-input-error'
import type { ImageInput } from './runner-types'

/** Refuses images for any model that does not take image input, naming the model. */
export function checkImages(
  images: readonly { mediaType: string }[] | undefined,
  targets: readonly { provider: string; model: string }[],
): void {
  if (!images?.length) return
  for (const target of targets) {
    const caps = capabilities(target.provider as ProviderId, target.model)
    if (!caps.modalities.input.includes('image')) {
      throw new RunInputError(
        `${caps.label} does not accept images; remove them or choose a model with vision.`,
        'images',
      )
    }
  }
}

export function attachmentsOf(images: readonly ImageInput[] | undefined): Attachment[] {
  return (images ?? []).map((image) => ({
    kind: 'image',
    mediaType: image.mediaType,
    name: image.name ?? null,
    data: image.data,
  }))
}
