import { StrictMode, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProvider, useAppState } from './app/app-context'
import { AppShell } from './app/app-shell'
import { loadPrefs } from './app/prefs-store'
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

const client = createHostClient()
// Preferences (presets, last models, sidebar) come first, so the first render already shows them.
void loadPrefs(client)
  .catch((error: unknown) => console.warn('Preferences could not be loaded:', error))
  .finally(() => render(root))

function render(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <AppProvider client={client}>
        <LiveRunProvider>
          <Localized>
            <AppShell />
          </Localized>
        </LiveRunProvider>
      </AppProvider>
    </StrictMode>,
  )
}
