import { useState } from 'react'
import { ModalDialog } from '../components/dialog/modal-dialog'
import { useI18n } from '../i18n/i18n'
import type { ModelChoice } from '../models/model-choice'
import { ModelPicker } from '../models/model-picker'
import type { Turn } from './conversation-thread'
import type { RerunTarget } from './use-send-actions'

/** "Run this prompt on…": one or more other models answer an earlier prompt. */
export function RerunDialog(props: {
  turn: Turn
  onClose(): void
  onRun(targets: RerunTarget[]): Promise<void>
}) {
  const { t } = useI18n()
  const [choices, setChoices] = useState<(ModelChoice | null)[]>([null])
  const picked = choices.filter((c): c is ModelChoice => c !== null)

  return (
    <ModalDialog
      title={t('chat.rerun.title')}
      onClose={props.onClose}
      className="rerun-dialog"
      testId="rerun-dialog"
    >
      <blockquote className="rerun-prompt">{props.turn.message.content}</blockquote>
      {choices.map((choice, index) => (
        <ModelPicker
          key={index}
          value={choice}
          onChange={(next) => setChoices(choices.map((c, i) => (i === index ? next : c)))}
          label={t('chat.rerun.model', { number: String(index + 1) })}
          testId={`rerun-model-${index + 1}`}
        />
      ))}
      <div className="modal-actions">
        <button
          type="button"
          disabled={choices.length >= 8}
          onClick={() => setChoices([...choices, null])}
        >
          {t('chat.rerun.addModel')}
        </button>
        <span className="composer-spacer" />
        <button type="button" onClick={props.onClose}>
          {t('chat.rerun.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={picked.length === 0}
          onClick={() => void props.onRun(picked)}
          data-testid="rerun-run"
        >
          {t('chat.rerun.run')}
        </button>
      </div>
    </ModalDialog>
  )
}
