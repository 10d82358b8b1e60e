import { useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import { useI18n } from '../i18n/i18n'

/** On the "history moved aside" notice: asks for the newest backup to be restored at next start. */
export function RestoreNewestBackup({
  client,
  backup,
}: {
  client: ParallaxClient
  backup: string
}) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'busy' | 'chosen' | { error: string }>('idle')
  if (state === 'chosen') return <span role="status">{t('notice.history.restoreChosen')}</span>
  return (
    <>
      <button
        type="button"
        disabled={state === 'busy'}
        onClick={() => {
          setState('busy')
          void client.invoke('history.restore', { backup }).then((result) => {
            setState(result.ok ? 'chosen' : { error: result.error.message })
          })
        }}
      >
        {t('notice.history.restoreNewest')}
      </button>
      {typeof state === 'object' ? (
        <span role="alert">{t('settings.backups.failed', { message: state.error })}</span>
      ) : null}
    </>
  )
}
