import { useI18n } from '../i18n/i18n'
import { detectApplePlatform } from '../shortcuts/platform'
import { toggleSidebar } from './sidebar-state'

const apple = detectApplePlatform()

/** Folds the history sidebar away and back (also Mod+B); stays in place in both states. */
export function SidebarToggle(props: { collapsed: boolean; controls: string }) {
  const { t } = useI18n()
  return (
    <button
      type="button"
      className="sidebar-toggle"
      aria-label={t('shell.sidebarToggle')}
      aria-expanded={!props.collapsed}
      aria-controls={props.controls}
      aria-keyshortcuts={apple ? 'Meta+B' : 'Control+B'}
      title={props.collapsed ? t('shell.sidebarShow') : t('shell.sidebarHide')}
      data-testid="sidebar-toggle"
      onClick={toggleSidebar}
    >
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" />
        <path d="M6 3v10" stroke="currentColor" />
      </svg>
    </button>
  )
}
