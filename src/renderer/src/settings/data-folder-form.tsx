import { useId, useRef, useState, type FormEvent } from 'react'
import { type SettingsView, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { dataFolderProblemText } from './data-folder-problem'
import { CopyDataCheckbox } from './copy-data-checkbox'

/**
 * The web host's form: a typed folder for the next start, optionally with the current data copied
 * into it. It is only saved as waiting; a start with --accept-data-dir applies it.
 */
export function DataFolderForm(props: { settings: SettingsView; onDone(): void }) {
  const { t } = useI18n()
  const { chooseDataDir } = useAppStore()
  const [path, setPath] = useState('')
  const [copyData, setCopyData] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const id = useId()

  const choose = (chosen: string | null) => {
    setSaving(true)
    setProblem(null)
    void chooseDataDir({ path: chosen, copyData }).then((result) => {
      setSaving(false)
      if (result.ok) {
        props.onDone()
        return
      }
      setProblem(dataFolderProblemText(t, result.error))
      inputRef.current?.focus()
    })
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (path.trim() === '') {
      setProblem(t('settings.dataDir.required'))
      inputRef.current?.focus()
      return
    }
    // The host takes the folder in use as "keep it"; here that is more likely a slip.
    if (withoutTrailingSlash(path.trim()) === withoutTrailingSlash(props.settings.dataDir)) {
      setProblem(t('settings.dataDir.problem.same_folder'))
      inputRef.current?.focus()
      return
    }
    choose(path.trim())
  }

  const atDefault = props.settings.dataDir === props.settings.defaultDataDir
  return (
    <form className="settings-data-form" noValidate onSubmit={onSubmit}>
      <div className="settings-field">
        <label htmlFor={`${id}-path`}>{t('settings.dataDir.newPath')}</label>
        <input
          ref={inputRef}
          id={`${id}-path`}
          name="path"
          type="text"
          spellCheck={false}
          autoComplete="off"
          autoFocus
          value={path}
          placeholder={props.settings.defaultDataDir}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-help${problem === null ? '' : ` ${id}-error`}`}
          data-testid="data-dir-path"
          onChange={(event) => {
            setPath(event.target.value)
            setProblem(null)
          }}
        />
        <p id={`${id}-help`} className="settings-help">
          {t('settings.dataDir.newPath.help')}
        </p>
        {problem !== null && (
          <p id={`${id}-error`} className="settings-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <CopyDataCheckbox checked={copyData} onChange={setCopyData} />
      <div className="settings-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="data-dir-apply">
          {t('settings.dataDir.apply')}
        </button>
        {!atDefault && (
          <button type="button" disabled={saving} onClick={() => choose(null)}>
            {t('settings.dataDir.useDefault')}
          </button>
        )}
        <button type="button" onClick={props.onDone}>
          {t('settings.dataDir.cancel')}
        </button>
      </div>
    </form>
  )
}

function withoutTrailingSlash(path: string): string {
  return path.length > 1 ? path.replace(/[\\/]+$/, '') : path
}
