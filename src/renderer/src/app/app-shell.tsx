import { useEffect } from 'react'
import { ConversationScreen } from '../chat/conversation-screen'
import { NoticeBanner } from '../components/notice-banner'
import { ConnectionsView } from '../connections/connections-view'
import { HistorySidebar } from '../history/history-sidebar'
import { useI18n } from '../i18n/i18n'
import { SettingsScreen } from '../settings/settings-screen'
import { ShortcutsLayer } from '../shortcuts/shortcuts-layer'
import { UsageScreen } from '../usage/usage-screen'
import { UsageWarningBanner } from '../usage/usage-warning-banner'
import { WelcomeView } from '../welcome/welcome-view'
import { useAppState, useAppStore } from './app-context'
import type { Route } from './routes'
import './shell.css'

/** The window: history on the left, the current screen on the right. */
export function AppShell() {
  const { t } = useI18n()
  const { client, navigate } = useAppStore()
  const route = useAppState((app) => app.route)
  const settings = useAppState((app) => app.settings)
  const hostError = useAppState((app) => app.hostError)
  const connections = useAppState((app) => app.connections)
  const connectionsLoaded = useAppState((app) => app.connectionsLoaded)

  useEffect(() => {
    const theme = settings?.theme ?? 'system'
    if (theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }, [settings?.theme])

  const navButton = (target: Route['name'], label: string) => (
    <button
      type="button"
      aria-current={route.name === target ? 'page' : undefined}
      onClick={() => navigate({ name: target } as Route)}
    >
      {label}
    </button>
  )

  if (hostError) {
    return (
      <div className="screen" role="alert" data-testid="host-error">
        <h1>{t('app.title')}</h1>
        <p>
          {hostError.kind === 'unauthorized'
            ? t('error.unauthorized')
            : t('error.generic', { message: hostError.message })}
        </p>
      </div>
    )
  }

  return (
    <div className="shell">
      <aside className="sidebar" aria-label={t('shell.sidebar')}>
        <div className="sidebar-brand">
          <img src="./favicon.svg" alt="" width={20} height={20} />
          <span>{t('app.title')}</span>
        </div>
        <div className="sidebar-actions">
          <button type="button" onClick={() => navigate({ name: 'chat' })}>
            {t('shell.newChat')}
          </button>
          <button type="button" onClick={() => navigate({ name: 'compare' })}>
            {t('shell.newCompare')}
          </button>
        </div>
        <nav className="sidebar-history" aria-label={t('shell.history')}>
          <HistorySidebar />
        </nav>
        <nav className="sidebar-nav" aria-label={t('shell.nav')}>
          {navButton('connections', t('shell.connections'))}
          {navButton('usage', t('shell.usage'))}
          {navButton('settings', t('shell.settings'))}
        </nav>
      </aside>
      <main className="main">
        <NoticeBanner client={client} />
        <UsageWarningBanner />
        <Screen route={route} showWelcome={connectionsLoaded && connections.length === 0} />
      </main>
      <ShortcutsLayer />
    </div>
  )
}

function Screen({ route, showWelcome }: { route: Route; showWelcome: boolean }) {
  switch (route.name) {
    case 'connections':
      return <ConnectionsView />
    case 'settings':
      return <SettingsScreen />
    case 'usage':
      return <UsageScreen />
    case 'conversation':
      return <ConversationScreen key={route.id} conversationId={route.id} mode={null} />
    case 'compare':
      return showWelcome ? <WelcomeView /> : <ConversationScreen key="new-compare" mode="compare" />
    case 'chat':
    case 'home':
      return showWelcome ? <WelcomeView /> : <ConversationScreen key="new-chat" mode="chat" />
  }
}
