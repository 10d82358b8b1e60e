import { useI18n } from '../i18n/i18n'

/** "Copy my history, keys and settings there": the same choice in both ways to pick a folder. */
export function CopyDataCheckbox(props: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useI18n()
  return (
    <label className="settings-check">
      <input
        type="checkbox"
        checked={props.checked}
        data-testid="data-dir-copy"
        onChange={(event) => props.onChange(event.target.checked)}
      />
      {t('settings.dataDir.copyData')}
    </label>
  )
}
