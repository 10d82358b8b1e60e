import { useState } from 'react'
import { type SettingsView, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { dataFolderProblemText } from './data-folder-problem'
import { CopyDataCheckbox } from './copy-data-checkbox'

/**
 * The desktop app's way to choose: its native folder dialog (the page never sends a path), with
 * the current data optionally copied there at the next start.
 */
export function DataFolderPicker(props: { settings: SettingsView; onDone(): void }) {
  const { t } = useI18n()
  const { pickDataDir, chooseDataDir } = useAppStore()
  const [copyData, setCopyData] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const settle = (pending: ReturnType<typeof pickDataDir>) => {
    setBusy(true)
    setProblem(null)
    void pending.then((result) => {
      setBusy(false)
      if (result.ok) props.onDone()
      else setProblem(dataFolderProblemText(t, result.error))
    })
  }

  const atDefault = props.settings.dataDir === props.settings.defaultDataDir
  return (
    <div className="settings-data-form">
      <p className="settings-help">{t('settings.dataDir.pick.help')}</p>
      <CopyDataCheckbox checked={copyData} onChange={setCopyData} />
      {problem !== null && (
        <p className="settings-error" role="alert">
          {problem}
        </p>
      )}
      <div className="settings-actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          data-testid="data-dir-pick"
          onClick={() => settle(pickDataDir({ copyData }))}
        >
          {t('settings.dataDir.pick')}
        </button>
        {!atDefault && (
          <button
            type="button"
            disabled={busy}
            onClick={() => settle(chooseDataDir({ path: null, copyData }))}
          >
            {t('settings.dataDir.useDefault')}
          </button>
        )}
        <button type="button" onClick={props.onDone}>
          {t('settings.dataDir.cancel')}
        </button>
      </div>
    </div>
  )
}
