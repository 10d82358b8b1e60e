import { useState } from 'react'
import type { MethodInput } from '../../../shared/contract'
import { type SettingsView, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { SegmentedControl } from './segmented-control'

type Changes = MethodInput<'settings.update'>

/** Language and theme: each choice is saved and applied at once. */
export function AppearanceSection({ settings }: { settings: SettingsView }) {
  const { t } = useI18n()
  const { updateSettings } = useAppStore()
  const [error, setError] = useState<string | null>(null)

  const save = (changes: Changes) => {
    setError(null)
    void updateSettings(changes).then((result) => {
      if (!result.ok) setError(result.error.message)
    })
  }

  return (
    <section className="panel settings-section" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{t('settings.appearance')}</h2>
      <div className="settings-choices">
        <SegmentedControl
          legend={t('settings.language')}
          value={settings.language}
          options={[
            { value: 'system', label: t('settings.language.system') },
            { value: 'en', label: t('settings.language.en') },
            { value: 'ko', label: t('settings.language.ko') },
          ]}
          onChange={(language) => save({ language })}
          testId="settings-language"
        />
        <SegmentedControl
          legend={t('settings.theme')}
          value={settings.theme}
          options={[
            { value: 'system', label: t('settings.theme.system') },
            { value: 'light', label: t('settings.theme.light') },
            { value: 'dark', label: t('settings.theme.dark') },
          ]}
          onChange={(theme) => save({ theme })}
          testId="settings-theme"
        />
      </div>
      {error !== null && (
        <p role="alert" className="settings-error">
          {t('settings.saveFailed', { message: error })}
        </p>
      )}
    </section>
  )
}
