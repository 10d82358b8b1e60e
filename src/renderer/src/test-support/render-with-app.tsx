import { render, type RenderResult } from '@testing-library/react'
import type { ReactNode } from 'react'
import type { ParallaxClient } from '../../../shared/client'
import { AppProvider, useAppState } from '../app/app-context'
import { I18nProvider, type Language } from '../i18n/i18n'
import { LiveRunProvider } from '../runs/live-run-context'

export interface RenderWithAppOptions {
  /** Default English. */
  language?: Language
  /** The address the app starts at, e.g. '#/c/abc'; default '' (home), whatever a test before left. */
  hash?: string
}

/** Shows, hidden, the app state a test checks: the route and how often history changed. */
function AppProbe() {
  const route = useAppState((app) => app.route)
  const historyVersion = useAppState((app) => app.historyVersion)
  return (
    <output
      hidden
      data-testid="app-probe"
      data-route={route.name}
      data-history-version={historyVersion}
    />
  )
}

/** The providers every screen has, talking to `client`: a `wrapper` for `render` or `renderHook`. */
export function appWrapper(client: ParallaxClient, language: Language = 'en') {
  return function AppProviders({ children }: { children: ReactNode }) {
    return (
      <AppProvider client={client}>
        <I18nProvider language={language}>
          <LiveRunProvider>
            {children}
            <AppProbe />
          </LiveRunProvider>
        </I18nProvider>
      </AppProvider>
    )
  }
}

/** Renders `ui` as the shell would, inside the app's providers, talking to `client`. */
export function renderWithApp(
  ui: ReactNode,
  client: ParallaxClient,
  { language = 'en', hash = '' }: RenderWithAppOptions = {},
): RenderResult {
  window.location.hash = hash
  return render(ui, { wrapper: appWrapper(client, language) })
}
