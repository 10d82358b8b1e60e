import { useRef, useState } from 'react'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { downloadTextFile } from './download-text-file'
import type { HistoryStatus, ReportStatus } from './history-status'
import { useHistoryImport } from './use-history-import'
import { exportRequest } from './export-request'

/** Export everything, import an export, and the line that reports how that went. */
export function HistoryFooter({
  status,
  onStatus,
}: {
  status: HistoryStatus | null
  onStatus: ReportStatus
}) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const fileInput = useRef<HTMLInputElement>(null)
  const [exporting, setExporting] = useState(false)
  const { busy: importing, importFile } = useHistoryImport(onStatus)

  const exportAll = async () => {
    setExporting(true)
    const result = await client.invoke('history.export', exportRequest(t, 'json'))
    setExporting(false)
    if (!result.ok) {
      onStatus({
        tone: 'error',
        text: t('history.export.failed', { message: result.error.message }),
      })
      return
    }
    downloadTextFile(result.value.fileName, result.value.content, result.value.format)
    onStatus({ tone: 'info', text: t('history.export.done', { fileName: result.value.fileName }) })
  }

  return (
    <div className="history-footer">
      <div role="status" className="history-status" data-tone={status?.tone}>
        {status && (
          <>
            <span>{status.text}</span>
            <button
              type="button"
              className="history-status-dismiss"
              aria-label={t('history.status.dismiss')}
              title={t('history.status.dismiss')}
              onClick={() => onStatus(null)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </>
        )}
      </div>
      <div className="history-footer-actions">
        <button
          type="button"
          title={t('history.export.allTitle')}
          disabled={exporting}
          onClick={() => void exportAll()}
        >
          {t('history.export.all')}
        </button>
        <button
          type="button"
          title={t('history.import.title')}
          disabled={importing}
          onClick={() => fileInput.current?.click()}
        >
          {t('history.import.button')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('history.import.file')}
          data-testid="history-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0]
            // Cleared so that choosing the same file again is noticed.
            event.target.value = ''
            if (file) void importFile(file)
          }}
        />
      </div>
    </div>
  )
}
