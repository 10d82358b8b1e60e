import { useCallback, useMemo, useState } from 'react'
import { useCapabilitiesOf } from '../models/use-model-lists'
import { useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { useAnyRunLive } from '../runs/live-run-context'
import { Composer } from './composer'
import { estimateContextOf } from './estimate-context'
import { ConversationHeader } from './conversation-header'
import { buildThread, emptySelection, siblingKey, type Turn } from './conversation-thread'
import { RerunDialog } from './rerun-dialog'
import { TurnList } from './turn-list'
import { useConversation } from './use-conversation'
import { useSendActions } from './use-send-actions'
import { ChatSetup } from './chat-setup'
import { CompareSetup } from '../compare/compare-setup'
import { useConversationSetup } from './use-conversation-setup'
import './chat.css'

/**
 * A chat (one model) or a comparison (2–8 columns): the turns so far, the model setup and the
 * prompt box. Without an id it is a new conversation, saved when the first prompt is sent.
 */
export function ConversationScreen(props: {
  conversationId?: string
  mode: 'chat' | 'compare' | null
}) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const { load } = useConversation(props.conversationId)
  const detail = load?.status === 'ready' ? load.detail : null
  const mode = detail?.conversation.mode ?? props.mode ?? 'chat'
  const [selection, setSelection] = useState(emptySelection)
  const [rerunTurn, setRerunTurn] = useState<Turn | null>(null)
  const [error, setError] = useState<string | null>(null)

  const turns = useMemo(
    () => (detail ? buildThread(detail, selection, mode) : []),
    [detail, selection, mode],
  )
  const setup = useConversationSetup(mode, detail, turns)
  const capabilities = useCapabilitiesOf(setup.choices)
  const noVision = setup.choices.flatMap((_choice, i) => {
    const caps = capabilities[i]
    return caps && !caps.modalities.input.includes('image') ? [caps.label] : []
  })
  const streamingIds = useMemo(
    () =>
      turns.flatMap((turn) =>
        turn.runs.filter((run) => run.status === 'streaming').map((run) => run.id),
      ),
    [turns],
  )
  // A run whose connection was lost is no longer stoppable from here: the composer leaves Stop.
  const busy = useAnyRunLive(streamingIds)
  const actions = useSendActions({
    mode,
    conversationId: props.conversationId,
    turns,
    setup,
    onError: setError,
    onPickRun: (messageId, runId) =>
      setSelection((s) => ({ ...s, runs: { ...s.runs, [messageId]: runId } })),
    onPickMessage: (key, messageId) =>
      setSelection((s) => ({ ...s, messages: { ...s.messages, [key]: messageId } })),
  })

  const stopAll = useCallback(() => {
    if (props.conversationId) void client.invoke('compare.stop', { id: props.conversationId })
  }, [client, props.conversationId])

  if (load?.status === 'loading') {
    return <p className="screen conversation-loading">{t('chat.loading')}</p>
  }
  if (load?.status === 'error') {
    return (
      <p className="screen" role="alert">
        {t('chat.loadFailed', { message: load.message })}
      </p>
    )
  }

  return (
    <div className="conversation" data-testid="conversation" data-mode={mode}>
      <ConversationHeader detail={detail} mode={mode} busy={busy} onStopAll={stopAll} />
      {mode === 'chat' ? <ChatSetup setup={setup} /> : <CompareSetup setup={setup} />}
      <TurnList
        turns={turns}
        mode={mode}
        actions={{
          pickVersion: (messageId) => {
            const turn = turns.find((t) => t.siblings.some((m) => m.id === messageId))
            if (turn) actions.pickMessage(siblingKey(turn.message), messageId)
          },
          pickRun: actions.pickRun,
          resend: actions.resend,
          regenerate: actions.regenerate,
          runOn: (turn) => setRerunTurn(turn),
        }}
      />
      {error ? (
        <p className="conversation-error" role="alert" data-testid="send-error">
          {error}
        </p>
      ) : null}
      <Composer
        choices={setup.choices}
        busy={busy}
        disabledReason={setup.missing}
        noVision={noVision}
        answers={setup.answers}
        estimate={estimateContextOf(mode, props.conversationId, turns, setup)}
        onSend={actions.send}
        onStop={stopAll}
      />
      {rerunTurn ? (
        <RerunDialog
          turn={rerunTurn}
          onClose={() => setRerunTurn(null)}
          onRun={(targets) => actions.rerun(rerunTurn, targets).then(() => setRerunTurn(null))}
        />
      ) : null}
    </div>
  )
}
