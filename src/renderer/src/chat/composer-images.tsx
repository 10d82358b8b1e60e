import { useId } from 'react'
import { useI18n } from '../i18n/i18n'
import { dataUrlOf, type ImageDraft } from './image-drafts'
import './composer-images.css'

/** Thumbnails of the images that will go with the prompt, each removable. */
export function ComposerImages(props: { images: ImageDraft[]; onRemove(id: string): void }) {
  const { t } = useI18n()
  if (props.images.length === 0) return null
  return (
    <ul className="composer-images" aria-label={t('chat.images.list')}>
      {props.images.map((image) => (
        <li key={image.id} className="composer-image" data-testid="composer-image">
          <img src={dataUrlOf(image)} alt={image.name} />
          <button
            type="button"
            aria-label={t('chat.images.remove', { name: image.name })}
            onClick={() => props.onRemove(image.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}

/**
 * "Attach image", or, while a chosen model takes no image input, the same button turned off with
 * the reason in a tooltip. It stays focusable (aria-disabled, not disabled) so that keyboard and
 * screen-reader users reach the reason too: on focus it shows, and it is the button's description.
 */
export function AttachImageButton(props: {
  refusal: string | null
  onAttach(): void
  onRefused(): void
}) {
  const { t } = useI18n()
  const tipId = useId()
  if (props.refusal === null) {
    return (
      <button
        type="button"
        data-testid="attach-image"
        title={t('chat.images.attachHelp')}
        onClick={props.onAttach}
      >
        {t('chat.images.attach')}
      </button>
    )
  }
  return (
    <span className="composer-attach">
      <button
        type="button"
        data-testid="attach-image"
        aria-disabled="true"
        aria-describedby={tipId}
        onClick={props.onRefused}
      >
        {t('chat.images.attach')}
      </button>
      <span
        id={tipId}
        role="tooltip"
        className="composer-attach-tip"
        data-testid="attach-image-reason"
      >
        {props.refusal}
      </span>
    </span>
  )
}
