import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProvider, useAppState } from './app/app-context'
import { AppShell } from './app/app-shell'
import { createHostClient } from './host/create-host-client'
import { I18nProvider } from './i18n/i18n'
import { LiveRunProvider } from './runs/live-run-context'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

/** The language setting decides the texts; 'system' (or not yet loaded) follows the OS. */
function Localized({ children }: { children: ReactNode }) {
  const settings = useAppState((app) => app.settings)
  const language = settings && settings.language !== 'system' ? settings.language : undefined
  return <I18nProvider {...(language ? { language } : {})}>{children}</I18nProvider>
}

createRoot(root).render(
  <StrictMode>
    <AppProvider client={createHostClient()}>
      <LiveRunProvider>
        <Localized>
          <AppShell />
        </Localized>
      </LiveRunProvider>
    </AppProvider>
  </StrictMode>,
)
