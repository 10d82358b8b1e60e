import { useAppState, useAppStore } from '../app/app-context'
import { AboutPanel } from '../components/about-panel'
import { useI18n } from '../i18n/i18n'
import { AppearanceSection } from './appearance-section'
import { BackupsSection } from './backups-section'
import { ClearHistorySection } from './clear-history-section'
import { DataFolderSection } from './data-folder-section'
import { RequestLimitsForm } from './request-limits-form'
import { VaultStatusSection } from './vault-status-section'
import './settings.css'

/** Preferences, where data lives, how keys are kept, clearing history, and what is installed. */
export function SettingsScreen() {
  const { t } = useI18n()
  const { client } = useAppStore()
  const settings = useAppState((app) => app.settings)
  return (
    <div className="main-scroll">
      <div className="screen settings-screen" data-testid="settings-screen">
        <h1>{t('settings.title')}</h1>
        {settings === null ? (
          <p className="settings-note" role="status">
            {t('settings.loading')}
          </p>
        ) : (
          <>
            <AppearanceSection settings={settings} />
            <RequestLimitsForm settings={settings} />
            <DataFolderSection settings={settings} />
          </>
        )}
        <VaultStatusSection />
        <BackupsSection />
        <ClearHistorySection />
        <AboutPanel client={client} />
      </div>
    </div>
  )
}
