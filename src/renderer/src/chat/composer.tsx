import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useI18n } from '../i18n/i18n'
import type { ModelChoice } from '../models/model-choice'
import { PromptEstimate } from '../models/prompt-estimate'

export interface ComposerProps {
  choices: ModelChoice[]
  /** Live runs in this conversation: Stop replaces nothing, it sits beside Send. */
  busy: boolean
  disabledReason: string | null
  onSend(text: string): Promise<boolean>
  onStop(): void
  /** Text to start from (editing an earlier prompt puts it here). */
  initialText?: string
}

/** The prompt box: Enter sends, Shift+Enter is a new line; shows the ≈ token and cost estimate. */
export function Composer(props: ComposerProps) {
  const { t } = useI18n()
  const [text, setText] = useState(props.initialText ?? '')
  const [sending, setSending] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)
  const { onStop } = props

  useEffect(() => {
    const focus = () => input.current?.focus()
    const stop = () => onStop()
    window.addEventListener('parallax:focus-input', focus)
    window.addEventListener('parallax:stop', stop)
    return () => {
      window.removeEventListener('parallax:focus-input', focus)
      window.removeEventListener('parallax:stop', stop)
    }
  }, [onStop])

  const canSend = text.trim().length > 0 && !sending && props.disabledReason === null
  const send = async () => {
    if (!canSend) return
    setSending(true)
    const sent = await props.onSend(text)
    setSending(false)
    if (sent) setText('')
    input.current?.focus()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void send()
    }
  }

  return (
    <form
      className="composer"
      data-testid="composer"
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label className="visually-hidden" htmlFor="composer-input">
        {t('chat.composer.label')}
      </label>
      <textarea
        id="composer-input"
        ref={input}
        data-testid="prompt-input"
        rows={3}
        value={text}
        placeholder={t('chat.composer.placeholder')}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-bar">
        <PromptEstimate text={text} choices={props.choices} />
        {props.disabledReason ? (
          <span className="composer-reason">{props.disabledReason}</span>
        ) : null}
        <span className="composer-spacer" />
        {props.busy ? (
          <button type="button" onClick={props.onStop} data-testid="stop-all">
            {t('chat.composer.stop')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={!canSend} data-testid="send">
          {t('chat.composer.send')}
        </button>
      </div>
    </form>
  )
}
