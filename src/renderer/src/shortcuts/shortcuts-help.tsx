import { Fragment } from 'react'
import { ModalDialog } from '../components/dialog/modal-dialog'
import { useI18n } from '../i18n/i18n'
import { KeyChordView } from './key-chord-view'
import { shortcuts } from './shortcut-table'

/** Every shortcut with its keys, read from the same table the key handler uses. */
export function ShortcutsHelp({ apple, onClose }: { apple: boolean; onClose(): void }) {
  const { t } = useI18n()
  return (
    <ModalDialog
      title={t('shortcuts.help.title')}
      onClose={onClose}
      testId="shortcuts-help"
      className="shortcuts-help"
    >
      <ul className="shortcuts-help-list">
        {shortcuts.map((shortcut) => (
          <li key={shortcut.id} className="shortcuts-help-row">
            <span>{t(shortcut.labelKey)}</span>
            <span className="shortcuts-help-keys">
              {shortcut.chords.map((chord, index) => (
                <Fragment key={index}>
                  {index > 0 && <span className="shortcuts-or">{t('shortcuts.help.or')}</span>}
                  <KeyChordView chord={chord} apple={apple} />
                  {!chord.mod && (
                    <span className="shortcuts-when">{t('shortcuts.help.whenNotTyping')}</span>
                  )}
                </Fragment>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <div className="shortcuts-help-actions">
        <button type="button" onClick={onClose}>
          {t('shortcuts.help.close')}
        </button>
      </div>
    </ModalDialog>
  )
}
