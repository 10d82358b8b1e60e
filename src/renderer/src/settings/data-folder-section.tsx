import { useState } from 'react'
import { type SettingsView, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { DataFolderForm } from './data-folder-form'
import { DataFolderPicker } from './data-folder-picker'

type CopyState = 'idle' | 'copied' | 'failed'

/** What the page says about the folder chosen for the next start, by how it takes over. */
const NEXT_TEXT: Record<NonNullable<SettingsView['nextDataDirApplies']>, MessageKey> = {
  next_start: 'settings.dataDir.next',
  accept_flag: 'settings.dataDir.nextAcceptFlag',
  confirm: 'settings.dataDir.nextConfirm',
}

/**
 * While --data-dir or PARALLAX_DATA_DIR decides this run's folder, the saved folder (or the
 * default one) only takes over at a start without it, not at any next start.
 */
function nextTextKey(settings: SettingsView): MessageKey {
  const applies = settings.nextDataDirApplies ?? 'next_start'
  if (applies === 'next_start' && settings.dataDirSource === 'flag') {
    return 'settings.dataDir.nextWithoutFlag'
  }
  if (applies === 'next_start' && settings.dataDirSource === 'env') {
    return 'settings.dataDir.nextWithoutEnv'
  }
  return NEXT_TEXT[applies]
}

/**
 * Where history, keys and settings live, why, and choosing another folder. The data folder is
 * opened when Parallax starts, so a new choice takes effect at a later start: in the web host one
 * given --accept-data-dir, in the desktop app the next one (a folder it did not pick itself is
 * confirmed in a dialog first).
 */
export function DataFolderSection({ settings }: { settings: SettingsView }) {
  const { t } = useI18n()
  const { chooseDataDir } = useAppStore()
  const [copy, setCopy] = useState<CopyState>('idle')
  const [changing, setChanging] = useState(false)
  const [undoFailed, setUndoFailed] = useState<string | null>(null)
  const { dataDir, dataDirSource, nextDataDir } = settings

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

  const onUndo = () => {
    setUndoFailed(null)
    void chooseDataDir({ path: dataDir, copyData: false }).then((result) => {
      if (!result.ok) setUndoFailed(result.error.message)
    })
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
        {!changing && (
          <button type="button" onClick={() => setChanging(true)} data-testid="data-dir-change">
            {t('settings.dataDir.change')}
          </button>
        )}
      </div>
      <p className="settings-note">
        {t('settings.dataDir.note')} {t(`settings.dataDir.source.${dataDirSource}`)}
      </p>
      {nextDataDir !== null && (
        <div className="settings-pending" role="status" data-testid="data-dir-next">
          <p>
            {t(nextTextKey(settings), { path: nextDataDir })}{' '}
            {settings.nextCopiesData && t('settings.dataDir.nextCopies')}
          </p>
          <button type="button" onClick={onUndo}>
            {t('settings.dataDir.undoNext')}
          </button>
        </div>
      )}
      {undoFailed !== null && (
        <p role="alert" className="settings-error">
          {t('settings.dataDir.failed', { message: undoFailed })}
        </p>
      )}
      {changing &&
        (settings.dataDirChooser === 'dialog' ? (
          <DataFolderPicker settings={settings} onDone={() => setChanging(false)} />
        ) : (
          <DataFolderForm settings={settings} onDone={() => setChanging(false)} />
        ))}
      <p role="status" className="settings-status">
        {copy === 'copied' && t('settings.dataDir.copied')}
        {copy === 'failed' && t('settings.dataDir.copyFailed')}
      </p>
    </section>
  )
}
