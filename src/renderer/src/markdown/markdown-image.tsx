import { useState, type ComponentProps } from 'react'
import { useI18n } from '../i18n/i18n'
import { parseImageUrl } from './safe-url'

/**
 * An image in model output is never fetched on its own (that would tell a third party the
 * answer was read). An https image shows a button that loads it; any other stays text.
 */
export function MarkdownImage({ src, alt }: ComponentProps<'img'>) {
  const { t } = useI18n()
  const [shown, setShown] = useState(false)
  const url = parseImageUrl(src)
  const altText = alt ?? ''

  if (!url) {
    const source = typeof src === 'string' ? src : ''
    return (
      <span className="markdown-image-text">
        {altText
          ? t('markdown.image.text', { alt: altText, url: source })
          : t('markdown.image.textNoAlt', { url: source })}
      </span>
    )
  }
  if (shown) {
    return (
      <img
        className="markdown-image"
        src={url.href}
        alt={altText}
        referrerPolicy="no-referrer"
        decoding="async"
      />
    )
  }
  return (
    <button
      type="button"
      className="markdown-image-load"
      title={altText ? `${altText} — ${url.href}` : url.href}
      onClick={(event) => {
        // An image can sit inside a link; loading it must not follow the link.
        event.preventDefault()
        event.stopPropagation()
        setShown(true)
      }}
    >
      {t('markdown.image.load', { host: url.host })}
    </button>
  )
}
