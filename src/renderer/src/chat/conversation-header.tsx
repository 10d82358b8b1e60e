import { useAppStore } from '../app/app-context'
import { formatRoute } from '../app/routes'
import { useI18n } from '../i18n/i18n'
import type { ConversationDetail } from './conversation-thread'

/** Title, and for a saved comparison: open it in a window of its own, stop every column. */
export function ConversationHeader(props: {
  detail: ConversationDetail | null
  mode: 'chat' | 'compare'
  busy: boolean
  onStopAll(): void
}) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const conversation = props.detail?.conversation
  const title =
    conversation?.title ?? (props.mode === 'compare' ? t('compare.newTitle') : t('chat.newTitle'))

  const openInWindow = async () => {
    if (!conversation) return
    const result = await client.invoke('app.openWindow', { conversationId: conversation.id })
    // The web host has no windows of its own: the browser opens a tab showing the conversation
    // on its own, as the desktop app's new window does.
    if (result.ok && !result.value.opened) {
      const url = new URL(window.location.href)
      url.hash = formatRoute({ name: 'conversation', id: conversation.id, solo: true })
      window.open(url.toString(), '_blank', 'noopener')
    }
  }

  return (
    <header className="conversation-header">
      <h1 className="conversation-title" data-testid="conversation-title">
        {title}
      </h1>
      <span className="conversation-mode">
        {props.mode === 'compare' ? t('compare.modeLabel') : t('chat.modeLabel')}
      </span>
      <span className="composer-spacer" />
      {props.busy && props.mode === 'compare' ? (
        <button type="button" onClick={props.onStopAll}>
          {t('compare.stopAll')}
        </button>
      ) : null}
      {conversation && props.mode === 'compare' ? (
        <button type="button" onClick={() => void openInWindow()} data-testid="open-in-window">
          {t('compare.openInWindow')}
        </button>
      ) : null}
    </header>
  )
}
