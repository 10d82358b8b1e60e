import { useAppStore } from '../app/app-context'
import { columnsOfTurn } from '../compare/column-runs'
import { useI18n } from '../i18n/i18n'
import type { ModelChoice } from '../models/model-choice'
import type { RunParameters } from '../models/run-parameters'
import type { Run, Turn } from './conversation-thread'
import type { ImageDraft } from './image-drafts'
import { saveLastChoice, saveLastColumns } from './last-choices'
import type { ConversationSetup } from './use-conversation-setup'

export interface RerunTarget extends ModelChoice {
  parameters?: RunParameters
}

interface Options {
  mode: 'chat' | 'compare'
  conversationId: string | undefined
  turns: Turn[]
  setup: ConversationSetup
  onError(message: string | null): void
  onPickRun(messageId: string, runId: string): void
  onPickMessage(key: string, messageId: string): void
}

/** Sending, editing, regenerating and re-running prompts through the contract. */
export function useSendActions(options: Options) {
  const { t } = useI18n()
  const { client, navigate, historyChanged } = useAppStore()
  const { mode, conversationId, turns, setup, onError } = options
  const last = turns.at(-1)

  const fail = (message: string, field?: string) => {
    onError(field ? t('chat.send.failedField', { message, field }) : message)
    return false
  }
  const opened = (id: string) => {
    onError(null)
    historyChanged()
    if (id !== conversationId) navigate({ name: 'conversation', id })
    return true
  }
  const systemPrompt = setup.systemPrompt.trim() ? setup.systemPrompt : null

  async function send(text: string, drafts: ImageDraft[] = []): Promise<boolean> {
    if (setup.missing) return fail(setup.missing)
    const images = drafts.map(({ mediaType, data, name }) => ({ mediaType, data, name }))
    const withImages = images.length > 0 ? { images } : {}
    if (mode === 'chat') {
      const choice = setup.choice
      if (!choice) return fail(t('chat.setup.chooseModel'))
      saveLastChoice(choice)
      const result = await client.invoke('runs.startChat', {
        ...(conversationId ? { conversationId } : {}),
        connectionId: choice.connectionId,
        model: choice.model,
        parameters: setup.parametersToSend,
        systemPrompt,
        prompt: text,
        ...withImages,
        parentMessageId: last?.message.id ?? null,
        parentRunId: last?.activeRun?.id ?? null,
      })
      if (!result.ok) return fail(result.error.message, result.error.field)
      return opened(result.value.conversationId)
    }
    const targets = setup.columnsLocked
      ? undefined
      : setup.columnsToSend.map((c) => ({
          connectionId: c.connectionId ?? '',
          model: c.model ?? '',
          parameters: c.parameters,
        }))
    if (!setup.started) saveLastColumns(setup.columns)
    const result = await client.invoke('compare.start', {
      ...(conversationId ? { conversationId } : {}),
      prompt: text,
      ...withImages,
      systemPrompt,
      ...(targets ? { targets } : {}),
      ...(last ? { parentMessageId: last.message.id } : {}),
    })
    if (!result.ok) return fail(result.error.message, result.error.field)
    // The new turn has the changed columns: later follow-ups continue from it.
    if (setup.started && targets) setup.keepColumns()
    return opened(result.value.conversationId)
  }

  /** Sends an edited prompt as a new version beside the old one. */
  async function resend(turn: Turn, text: string): Promise<boolean> {
    const message = turn.message
    const run = turn.activeRun ?? turn.runs.at(-1)
    if (mode === 'chat') {
      if (!run?.connectionId) return fail(t('chat.setup.chooseModel'))
      const result = await client.invoke('runs.startChat', {
        conversationId: message.conversationId,
        connectionId: run.connectionId,
        model: run.model,
        parameters: run.parameters as RunParameters,
        systemPrompt: run.systemPrompt,
        prompt: text,
        parentMessageId: message.parentId,
        parentRunId: message.parentRunId,
      })
      if (!result.ok) return fail(result.error.message, result.error.field)
      return opened(result.value.conversationId)
    }
    // One target per column: a regenerated answer is not a column of its own.
    const targets = columnsOfTurn(turn.runs).flatMap((c) =>
      c.connectionId && c.model
        ? [{ connectionId: c.connectionId, model: c.model, parameters: c.parameters }]
        : [],
    )
    const result = await client.invoke('compare.start', {
      conversationId: message.conversationId,
      prompt: text,
      parentMessageId: message.parentId,
      ...(targets.length >= 2 ? { targets } : {}),
    })
    if (!result.ok) return fail(result.error.message, result.error.field)
    return opened(result.value.conversationId)
  }

  async function rerun(turn: Turn, targets: RerunTarget[]): Promise<void> {
    const result = await client.invoke('runs.rerun', {
      messageId: turn.message.id,
      targets: targets.map((target) => ({
        connectionId: target.connectionId,
        model: target.model,
        ...(target.parameters ? { parameters: target.parameters } : {}),
      })),
    })
    if (!result.ok) {
      fail(result.error.message, result.error.field)
      return
    }
    onError(null)
    const [first] = result.value.runIds
    if (first) options.onPickRun(turn.message.id, first)
  }

  /** A new answer to a turn's prompt: the chat's answer shown, or one comparison column's. */
  function regenerate(turn: Turn, run: Run | undefined = turn.activeRun): void {
    if (!run?.connectionId) return
    void rerun(turn, [
      {
        connectionId: run.connectionId,
        model: run.model,
        parameters: run.parameters as RunParameters,
      },
    ])
  }

  return {
    send,
    resend,
    rerun,
    regenerate,
    pickRun: options.onPickRun,
    pickMessage: options.onPickMessage,
  }
}
