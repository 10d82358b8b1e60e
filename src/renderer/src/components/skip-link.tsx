import type { MouseEvent } from 'react'
import { useI18n } from '../i18n/i18n'
import './skip-link.css'

/**
 * The first Tab stop of the window: hidden until focused, it moves focus past the sidebar to the
 * main region (`targetId`, which needs tabIndex -1). The hash holds the route, so the link moves
 * focus itself instead of following its href.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useI18n()
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault()
    document.getElementById(targetId)?.focus()
  }
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={skip}>
      {t('shell.skipToMain')}
    </a>
  )
}
