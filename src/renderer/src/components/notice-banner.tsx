import { useEffect, useState } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import type { Notice } from '../../../shared/contract'
import type { MessageKey } from '../i18n/messages-en'
import { useI18n } from '../i18n/i18n'
import { dismissNotice, isNoticeDismissed } from '../app/dismissed-banners'
import { RestoreNewestBackup } from '../settings/backups-restore-newest'

const MESSAGE_BY_CODE: Record<Notice['code'], MessageKey> = {
  'host.stopping': 'notice.host.stopping',
  'host.unreachable': 'notice.host.unreachable',
  'history.moved_aside': 'notice.history.movedAside',
  'history.restored': 'notice.history.restored',
  'history.restore_failed': 'notice.history.restoreFailed',
  'vault.moved_aside': 'notice.vault.movedAside',
  'vault.key_file_replaced': 'notice.vault.keyFileReplaced',
  'vault.key_file_missing': 'notice.vault.keyFileMissing',
  'vault.keychain_changed': 'notice.vault.keychainChanged',
  'vault.unavailable': 'notice.vault.unavailable',
  'data.copied': 'notice.data.copied',
  'data.copy_failed': 'notice.data.copyFailed',
  'data.unavailable': 'notice.data.unavailable',
  'data.pending': 'notice.data.pending',
}

/** The notices `app.notices` reported (not the live ones, such as the host stopping). */
const fromStart = new WeakSet<Notice>()

/** Shows what the host reported at start-up and every `app.notice` it pushes later. */
export function NoticeBanner({ client }: { client: ParallaxClient }) {
  const { t } = useI18n()
  const [notices, setNotices] = useState<Notice[]>([])

  useEffect(() => {
    let current = true
    void client.invoke('app.notices', {}).then((result) => {
      if (!current || !result.ok) return
      // Start-up notices a later start repeats stay dismissed (kept in the data folder).
      const fresh = result.value.notices.filter((notice) => !isNoticeDismissed(notice))
      for (const notice of fresh) fromStart.add(notice)
      setNotices((shown) => [...fresh, ...shown])
    })
    const unsubscribe = client.on('app.notice', (notice) =>
      setNotices((shown) => [...shown, notice]),
    )
    return () => {
      current = false
      unsubscribe()
    }
  }, [client])

  return (
    <>
      {notices.map((notice, index) => (
        <div
          key={`${notice.code}-${notice.at}-${index}`}
          role="status"
          className={`notice notice-${notice.level}`}
        >
          <span>{t(MESSAGE_BY_CODE[notice.code], { detail: notice.detail ?? '' })}</span>
          {notice.restorable ? (
            <RestoreNewestBackup client={client} backup={notice.restorable} />
          ) : null}
          <button
            type="button"
            onClick={() => {
              if (fromStart.has(notice)) dismissNotice(notice)
              setNotices((shown) => shown.filter((n) => n !== notice))
            }}
          >
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </>
  )
}
