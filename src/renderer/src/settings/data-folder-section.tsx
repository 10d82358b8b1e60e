import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

type CopyState = 'idle' | 'copied' | 'failed'

/** Where history, keys and settings live; read-only because it is chosen when the app starts. */
export function DataFolderSection({ dataDir }: { dataDir: string }) {
  const { t } = useI18n()
  const [copy, setCopy] = useState<CopyState>('idle')

  const onCopy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined
    if (!clipboard) {
      setCopy('failed')
      return
    }
    clipboard.writeText(dataDir).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    )
  }

  return (
    <section className="panel settings-section" aria-labelledby="settings-data-folder">
      <h2 id="settings-data-folder">{t('settings.dataDir')}</h2>
      <div className="settings-path-row">
        <code className="settings-path" data-testid="settings-data-dir">
          {dataDir}
        </code>
        <button type="button" onClick={onCopy}>
          {t('settings.dataDir.copy')}
        </button>
      </div>
      <p className="settings-note">{t('settings.dataDir.note')}</p>
      <p role="status" className="settings-status">
        {copy === 'copied' && t('settings.dataDir.copied')}
        {copy === 'failed' && t('settings.dataDir.copyFailed')}
      </p>
    </section>
  )
}
