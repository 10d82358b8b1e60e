import { useRef, useState } from 'react'
import { useAppStore } from '../app/app-context'
import { ConfirmDialog } from '../components/dialog/confirm-dialog'
import { useI18n } from '../i18n/i18n'
import { ActionMenu, type MenuAction } from './action-menu'
import { RenameInput } from './rename-input'
import type { useConversationActions } from './use-conversation-actions'
import type { ConversationView } from './use-history-list'
import { ROVING_CELL, ROVING_ROW } from './use-roving-focus'

type Actions = ReturnType<typeof useConversationActions>

/**
 * One conversation in the sidebar, a row of the history grid: opens it, and offers rename, pin,
 * export and delete. `tabStop` makes its open button the grid's one Tab stop.
 */
export function HistoryItem({
  conversation,
  current,
  tabStop,
  actions,
}: {
  conversation: ConversationView
  current: boolean
  tabStop: boolean
  actions: Actions
}) {
  const { t } = useI18n()
  const { navigate } = useAppStore()
  const [editing, setEditing] = useState(false)
  const [saving, setSaving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const moreButton = useRef<HTMLButtonElement>(null)
  const title = conversation.title.trim() || t('history.untitled')
  const { id } = conversation

  const menu: MenuAction[] = [
    { id: 'rename', label: t('history.menu.rename'), onSelect: () => setEditing(true) },
    {
      id: 'pin',
      label: conversation.pinned ? t('history.menu.unpin') : t('history.menu.pin'),
      onSelect: () => void actions.setPinned(id, !conversation.pinned),
    },
    {
      id: 'export-json',
      label: t('history.menu.exportJson'),
      onSelect: () => void actions.exportAs(id, 'json'),
    },
    {
      id: 'export-markdown',
      label: t('history.menu.exportMarkdown'),
      onSelect: () => void actions.exportAs(id, 'markdown'),
    },
    {
      id: 'delete',
      label: t('history.menu.delete'),
      danger: true,
      onSelect: () => setConfirming(true),
    },
  ]

  const save = (newTitle: string) => {
    setSaving(true)
    void actions.rename(id, newTitle).then(() => {
      setSaving(false)
      setEditing(false)
      moreButton.current?.focus()
    })
  }

  const cancelDelete = () => {
    setConfirming(false)
    moreButton.current?.focus()
  }

  const confirmDelete = () => {
    setDeleting(true)
    void actions.remove(id).then((deleted) => {
      setDeleting(false)
      if (!deleted) cancelDelete()
    })
  }

  return (
    <div
      role="row"
      className="history-item"
      data-testid="history-item"
      data-current={current || undefined}
      aria-busy={saving || deleting || undefined}
      {...{ [ROVING_ROW]: id }}
    >
      <div role="gridcell" className="history-item-cell">
        {editing ? (
          <RenameInput
            initial={conversation.title}
            label={t('history.rename.label', { title })}
            onSave={save}
            onCancel={() => {
              setEditing(false)
              moreButton.current?.focus()
            }}
          />
        ) : (
          <button
            type="button"
            className="history-item-open"
            aria-current={current ? 'page' : undefined}
            title={title}
            tabIndex={tabStop ? 0 : -1}
            {...{ [ROVING_CELL]: '' }}
            onClick={() => navigate({ name: 'conversation', id })}
          >
            <span className="history-item-title">{title}</span>
            {conversation.mode === 'compare' && (
              <span className="history-badge">{t('history.badge.compare')}</span>
            )}
          </button>
        )}
      </div>
      <div role="gridcell" className="history-item-cell-more">
        <ActionMenu
          className="history-item-more"
          buttonRef={moreButton}
          buttonLabel={t('history.item.more', { title })}
          menuLabel={t('history.menu.label', { title })}
          actions={menu}
          inGrid
        />
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('history.delete.title')}
          message={t('history.delete.body', { title })}
          confirmLabel={t('history.delete.confirm')}
          cancelLabel={t('history.delete.cancel')}
          destructive
          busy={deleting}
          onConfirm={confirmDelete}
          onCancel={cancelDelete}
        />
      )}
    </div>
  )
}
