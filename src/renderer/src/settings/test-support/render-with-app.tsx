import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { AppProvider, useApp } from '../../app/app-context'
import { I18nProvider, type Language } from '../../i18n/i18n'
import type { FakeClient } from './fake-client'

/** Shows the app state a test wants to check: the route and how often history changed. */
function AppProbe() {
  const { route, historyVersion } = useApp()
  return (
    <output data-testid="app-probe" data-route={route.name} data-history-version={historyVersion} />
  )
}

/** Renders `ui` inside the app's providers, talking to `client`, as the shell would. */
export function renderWithApp(ui: ReactNode, client: FakeClient, language: Language = 'en') {
  window.location.hash = ''
  return render(
    <AppProvider client={client}>
      <I18nProvider language={language}>
        {ui}
        <AppProbe />
      </I18nProvider>
    </AppProvider>,
  )
}
