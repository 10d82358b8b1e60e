import { useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { describeError, type ReportStatus } from './history-status'

/**
 * Sends an export file's text to the host and reports what was added. A file that cannot be
 * read or is not an export ends as a message, never as a crash, and the list stays as it was.
 */
export function useHistoryImport(onStatus: ReportStatus) {
  const { client, historyChanged } = useAppStore()
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)

  const importFile = async (file: File) => {
    setBusy(true)
    onStatus({ tone: 'info', text: t('history.import.working') })
    try {
      const text = await file.text()
      const result = await client.invoke('history.import', { data: text })
      if (!result.ok) {
        const { message, field } = describeError(result.error)
        onStatus({
          tone: 'error',
          text: field
            ? t('history.import.failedField', { message, field })
            : t('history.import.failed', { message }),
        })
        return
      }
      const { added, existing } = result.value.conversations
      const counts = { added: String(added), existing: String(existing) }
      onStatus({
        tone: 'info',
        text:
          added === 0
            ? t('history.import.nothingNew', counts)
            : added === 1
              ? t('history.import.doneOne', counts)
              : t('history.import.done', counts),
      })
      if (added > 0) historyChanged()
    } catch (error) {
      onStatus({
        tone: 'error',
        text: t('history.import.unreadable', { message: (error as Error).message }),
      })
    } finally {
      setBusy(false)
    }
  }

  return { busy, importFile }
}
