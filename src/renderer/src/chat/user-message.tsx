import { useState } from 'react'
import { CopyButton } from '../components/copy-button'
import { useI18n } from '../i18n/i18n'
import { dataUrlOf } from './image-drafts'
import type { Turn } from './conversation-thread'
import { SiblingSwitcher } from './sibling-switcher'

/** A prompt: its text, its versions, and copy / edit-and-resend / run-on-another-model. */
export function UserMessage(props: {
  turn: Turn
  onPickVersion(messageId: string): void
  onResend(text: string): Promise<boolean>
  onRunOn(): void
}) {
  const { t } = useI18n()
  const { turn } = props
  const [editing, setEditing] = useState<string | null>(null)
  return (
    <div className="user-message" data-testid="user-message" data-message-id={turn.message.id}>
      {turn.message.attachments.length > 0 ? (
        <ul className="user-message-images" aria-label={t('chat.images.sent')}>
          {turn.message.attachments.map((image, index) => (
            <li key={index}>
              <img src={dataUrlOf(image)} alt={image.name ?? t('chat.images.unnamed')} />
            </li>
          ))}
        </ul>
      ) : null}
      {editing === null ? (
        <p className="user-message-text">{turn.message.content}</p>
      ) : (
        <form
          className="user-message-edit"
          onSubmit={(event) => {
            event.preventDefault()
            void props.onResend(editing).then((sent) => sent && setEditing(null))
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${turn.message.id}`}>
            {t('chat.message.editLabel')}
          </label>
          <textarea
            id={`edit-${turn.message.id}`}
            value={editing}
            rows={3}
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(null)
            }}
          />
          <div className="user-message-actions">
            <button type="submit" className="primary" disabled={!editing.trim()}>
              {t('chat.message.resend')}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {t('chat.message.cancel')}
            </button>
          </div>
        </form>
      )}
      {editing === null ? (
        <div className="user-message-actions">
          <CopyButton text={turn.message.content} label={t('chat.message.copy')} />
          <button type="button" onClick={() => setEditing(turn.message.content)}>
            {t('chat.message.edit')}
          </button>
          <button type="button" onClick={props.onRunOn} data-testid="run-on">
            {t('chat.message.runOn')}
          </button>
          <SiblingSwitcher
            index={turn.siblingIndex}
            count={turn.siblings.length}
            label={t('chat.message.versions')}
            onChange={(index) => {
              const target = turn.siblings[index]
              if (target) props.onPickVersion(target.id)
            }}
          />
        </div>
      ) : null}
    </div>
  )
}
