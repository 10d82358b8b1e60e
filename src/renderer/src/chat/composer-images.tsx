import { useI18n } from '../i18n/i18n'
import { dataUrlOf, type ImageDraft } from './image-drafts'

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
