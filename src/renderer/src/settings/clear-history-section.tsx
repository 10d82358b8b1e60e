import { useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { ClearHistoryDialog } from './clear-history-dialog'

/** Deletes every conversation after the person typed the confirm word. */
export function ClearHistorySection() {
  const { t } = useI18n()
  const { historyChanged } = useAppStore()
  const [open, setOpen] = useState(false)
  const [deleted, setDeleted] = useState<number | null>(null)

  return (
    <section className="panel settings-section settings-danger" aria-labelledby="settings-clear">
      <h2 id="settings-clear">{t('settings.clear.heading')}</h2>
      <div className="settings-danger-row">
        <p className="settings-note">{t('settings.clear.description')}</p>
        <button
          type="button"
          className="danger"
          data-testid="settings-clear-history"
          onClick={() => {
            setDeleted(null)
            setOpen(true)
          }}
        >
          {t('settings.clear.button')}
        </button>
      </div>
      <p role="status" className="settings-status">
        {deleted !== null && t('settings.clear.done', { count: String(deleted) })}
      </p>
      {open && (
        <ClearHistoryDialog
          onClose={() => setOpen(false)}
          onCleared={(count) => {
            setOpen(false)
            setDeleted(count)
            historyChanged()
          }}
        />
      )}
    </section>
  )
}
