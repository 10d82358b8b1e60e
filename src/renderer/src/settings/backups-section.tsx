import { useEffect, useState } from 'react'
import type { MethodOutput } from '../../../shared/contract'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { formatBackupDate, formatBackupSize } from './backups-format'
import { BackupsRestoreDialog } from './backups-restore-dialog'

type Backups = MethodOutput<'history.backups'>

/** The automatic history backups, with Restore (applied at the next start). */
export function BackupsSection() {
  const { t, language } = useI18n()
  const { client } = useAppStore()
  const [state, setState] = useState<Backups | { error: string } | null>(null)
  const [choosing, setChoosing] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void client.invoke('history.backups', {}).then((result) => {
      if (current) setState(result.ok ? result.value : { error: result.error.message })
    })
    return () => {
      current = false
    }
  }, [client])

  const dateOf = (file: string) => {
    const backup = state && 'backups' in state ? state.backups.find((b) => b.file === file) : null
    return backup ? formatBackupDate(backup.createdAt, language) : file
  }

  return (
    <section
      className="panel settings-section"
      aria-labelledby="settings-backups"
      data-testid="settings-backups"
    >
      <h2 id="settings-backups">{t('settings.backups.heading')}</h2>
      <p className="settings-note">{t('settings.backups.description')}</p>
      {state === null ? (
        <p className="settings-note">{t('settings.backups.loading')}</p>
      ) : 'error' in state ? (
        <p role="alert" className="settings-error">
          {t('settings.backups.loadFailed', { message: state.error })}
        </p>
      ) : state.backups.length === 0 ? (
        <p className="settings-note">{t('settings.backups.empty')}</p>
      ) : (
        <table className="settings-backups">
          <thead>
            <tr>
              <th scope="col">{t('settings.backups.created')}</th>
              <th scope="col">{t('settings.backups.kind')}</th>
              <th scope="col">{t('settings.backups.size')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {state.backups.map((backup) => {
              const date = formatBackupDate(backup.createdAt, language)
              return (
                <tr key={backup.file}>
                  <td>{date}</td>
                  <td>
                    {t(
                      backup.reason === 'migration'
                        ? 'settings.backups.migration'
                        : 'settings.backups.daily',
                    )}
                  </td>
                  <td>{formatBackupSize(backup.size, language)}</td>
                  <td>
                    <button
                      type="button"
                      aria-label={t('settings.backups.restoreLabel', { date })}
                      onClick={() => setChoosing(backup.file)}
                    >
                      {t('settings.backups.restore')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <p role="status" className="settings-status">
        {state && 'backups' in state && state.pendingRestore !== null
          ? t('settings.backups.pending', { date: dateOf(state.pendingRestore) })
          : null}
      </p>
      {choosing !== null && state && 'backups' in state && (
        <BackupsRestoreDialog
          backup={choosing}
          date={dateOf(choosing)}
          onClose={() => setChoosing(null)}
          onChosen={(backup) => {
            setChoosing(null)
            setState({ ...state, pendingRestore: backup })
          }}
        />
      )}
    </section>
  )
}
