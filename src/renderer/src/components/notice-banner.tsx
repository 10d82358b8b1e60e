import { useEffect, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { Notice } from '../../../shared/contract'
import type { MessageKey } from '../i18n/messages-en'
import { useI18n } from '../i18n/i18n'

const MESSAGE_BY_CODE: Record<Notice['code'], MessageKey> = {
  'host.stopping': 'notice.host.stopping',
}

/** Shows the latest `app.notice` event the host pushed. */
export function NoticeBanner({ client }: { client: ParallaxClient }) {
  const { t } = useI18n()
  const [notice, setNotice] = useState<Notice | undefined>()

  useEffect(() => client.on('app.notice', setNotice), [client])

  if (!notice) return null
  return (
    <div role="status" className={`notice notice-${notice.level}`}>
      <span>{t(MESSAGE_BY_CODE[notice.code])}</span>
      <button type="button" onClick={() => setNotice(undefined)}>
        {t('notice.dismiss')}
      </button>
    </div>
  )
}
