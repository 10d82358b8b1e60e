import { useEffect, useRef } from 'react'
import { ConversationScreen } from '../chat/conversation-screen'
import { NoticeBanner } from '../components/notice-banner'
import { SkipLink } from '../components/skip-link'
import { ConnectionsView } from '../connections/connections-view'
import { HistorySidebar } from '../history/history-sidebar'
import { useI18n } from '../i18n/i18n'
import { SettingsScreen } from '../settings/settings-screen'
import { focusPromptWhenShown } from '../shortcuts/focus-prompt'
import { ShortcutsLayer } from '../shortcuts/shortcuts-layer'
import { UsageScreen } from '../usage/usage-screen'
import { UsageWarningBanner } from '../usage/usage-warning-banner'
import { WelcomeView } from '../welcome/welcome-view'
import { useAppState, useAppStore } from './app-context'
import type { Route } from './routes'
import { useSidebarCollapsed } from './sidebar-state'
import { SidebarToggle } from './sidebar-toggle'
import './shell.css'

const SIDEBAR_BODY_ID = 'sidebar-body'
/** Where the skip link lands. */
const MAIN_ID = 'main-content'

/**
 * The window: history on the left (foldable), the current screen on the right. A conversation
 * opened in a window of its own (`#/w/<id>`) fills the window.
 */
export function AppShell() {
  const { t } = useI18n()
  const { client, navigate } = useAppStore()
  const route = useAppState((app) => app.route)
  const settings = useAppState((app) => app.settings)
  const hostError = useAppState((app) => app.hostError)
  const connections = useAppState((app) => app.connections)
  const connectionsLoaded = useAppState((app) => app.connectionsLoaded)
  const collapsed = useSidebarCollapsed()
  const sidebarBody = useRef<HTMLDivElement>(null)
  // A conversation opened in a window of its own shows no sidebar at all.
  const solo = route.name === 'conversation' && route.solo === true
  const sidebarState = solo ? 'none' : collapsed ? 'collapsed' : 'expanded'

  // Folding the sidebar away with its shortcut must not drop focus on the page: it moves to the
  // toggle, which stays.
  useEffect(() => {
    const body = sidebarBody.current
    if (collapsed && body?.contains(document.activeElement)) {
      body.parentElement?.querySelector<HTMLElement>('.sidebar-toggle')?.focus()
    }
  }, [collapsed])

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
    <div className={solo ? 'shell shell-solo' : 'shell'} data-sidebar={sidebarState}>
      <SkipLink targetId={MAIN_ID} />
      {solo ? null : (
        <aside className="sidebar" aria-label={t('shell.sidebar')}>
          <div className="sidebar-brand">
            <img src="./favicon.svg" alt="" width={20} height={20} />
            <span>{t('app.title')}</span>
            <SidebarToggle collapsed={collapsed} controls={SIDEBAR_BODY_ID} />
          </div>
          <div className="sidebar-body" id={SIDEBAR_BODY_ID} ref={sidebarBody} hidden={collapsed}>
            <div className="sidebar-actions">
              <button
                type="button"
                onClick={() => {
                  navigate({ name: 'chat' })
                  focusPromptWhenShown()
                }}
              >
                {t('shell.newChat')}
              </button>
              <button
                type="button"
                onClick={() => {
                  navigate({ name: 'compare' })
                  focusPromptWhenShown()
                }}
              >
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
          </div>
        </aside>
      )}
      <main className="main" id={MAIN_ID} tabIndex={-1}>
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
