import { useState } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { ModelChoice } from '../models/model-choice'
import { dropUnsupported, withoutAnswers, type RunParameters } from '../models/run-parameters'
import { useCapabilitiesOf } from '../models/use-model-lists'
import { columnsOfTurn } from '../compare/column-runs'
import { newColumn, type Column } from './column-key'
import type { ConversationDetail, Turn } from './conversation-thread'
import { readLastChoice, readLastColumns } from './last-choices'

export interface ConversationSetup {
  mode: 'chat' | 'compare'
  /** Chat: the model; compare: every column with a model. */
  choices: ModelChoice[]
  /** Why sending is not possible yet (no model chosen …), or null. */
  missing: string | null
  choice: ModelChoice | null
  setChoice(choice: ModelChoice): void
  parameters: RunParameters
  setParameters(next: RunParameters): void
  systemPrompt: string
  setSystemPrompt(next: string): void
  columns: Column[]
  setColumns(next: Column[]): void
  /** A comparison with turns: the next prompt goes to its latest turn's columns, or changed ones. */
  started: boolean
  /** Follow-ups go to the latest turn's columns as they are (no columns changed for the next turn). */
  columnsLocked: boolean
  /** A started comparison: change its columns for the next turn (from the latest turn's). */
  changeColumns(): void
  /** Back to the latest turn's columns (after sending, or to undo the changes). */
  keepColumns(): void
  /** What is sent: the parameters without those the chosen model rejects (n stays: chat only). */
  parametersToSend: RunParameters
  /** How many answers the next prompt asks for (chat: n; a comparison: one per column). */
  answers: number
  columnsToSend: Column[]
}

/** What the next prompt goes to, starting from the conversation's latest answer(s). */
export function useConversationSetup(
  mode: 'chat' | 'compare',
  detail: ConversationDetail | null,
  turns: Turn[],
): ConversationSetup {
  const { t } = useI18n()
  const connections = useAppState((app) => app.connections)
  const last = turns.at(-1)
  const lastRun = last?.activeRun
  const lastRuns = last?.runs
  const [picked, setChoice] = useState<ModelChoice | null>(null)
  const [pickedParameters, setParameters] = useState<RunParameters | null>(null)
  const [pickedSystemPrompt, setSystemPrompt] = useState<string | null>(null)
  const [pickedColumns, setColumns] = useState<Column[] | null>(null)
  const [initialColumns] = useState(() => readLastColumns() ?? [newColumn(), newColumn()])

  const exists = (c: ModelChoice | null) =>
    c !== null && connections.some((connection) => connection.id === c.connectionId)
  const fromRun: ModelChoice | null = lastRun?.connectionId
    ? { connectionId: lastRun.connectionId, model: lastRun.model }
    : null
  const stored = readLastChoice()
  const choice = [picked, fromRun, stored].find(exists) ?? null
  const parameters = pickedParameters ?? ((lastRun?.parameters ?? {}) as RunParameters)
  const systemPrompt = pickedSystemPrompt ?? lastRun?.systemPrompt ?? ''

  const started = mode === 'compare' && detail !== null && turns.length > 0
  const columnsLocked = started && pickedColumns === null
  const lastColumns = started ? columnsOfTurn(lastRuns ?? []) : []
  const columns = started ? (pickedColumns ?? lastColumns) : (pickedColumns ?? initialColumns)

  const choices: ModelChoice[] =
    mode === 'chat'
      ? choice
        ? [choice]
        : []
      : columns.flatMap((c) =>
          c.connectionId && c.model ? [{ connectionId: c.connectionId, model: c.model }] : [],
        )
  // One capabilities lookup per model: the chat's, then each column's.
  const withModel = columns.filter((c) => c.connectionId && c.model)
  const capabilities = useCapabilitiesOf([
    ...(choice ? [choice] : []),
    ...withModel.map((c) => ({ connectionId: c.connectionId ?? '', model: c.model ?? '' })),
  ])
  const offset = choice ? 1 : 0
  const parametersToSend = dropUnsupported(parameters, choice ? (capabilities[0] ?? null) : null)
  // A comparison shows one answer per column: n is a chat's alone.
  const columnsToSend = withModel.map((c, i) => ({
    ...c,
    parameters: withoutAnswers(dropUnsupported(c.parameters, capabilities[i + offset] ?? null)),
  }))

  let missing: string | null = null
  if (connections.length === 0) missing = t('chat.setup.noConnections')
  else if (mode === 'chat' && !choice) missing = t('chat.setup.chooseModel')
  else if (mode === 'compare' && !columnsLocked && choices.length < 2) {
    missing = t('compare.setup.chooseTwo')
  } else if (mode === 'compare' && !columnsLocked && choices.length < columns.length) {
    missing = t('compare.setup.chooseEach')
  }

  return {
    mode,
    choices,
    missing,
    choice,
    setChoice,
    parameters,
    setParameters,
    systemPrompt,
    setSystemPrompt,
    columns,
    setColumns,
    started,
    columnsLocked,
    changeColumns: () => setColumns(lastColumns),
    keepColumns: () => setColumns(null),
    parametersToSend,
    answers: mode === 'chat' ? (parametersToSend.n ?? 1) : 1,
    columnsToSend,
  }
}
