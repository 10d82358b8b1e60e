import { getPref, setPref } from '../app/prefs-store'
import type { ModelChoice } from '../models/model-choice'
import { newColumn, type Column } from './column-key'

/** The model last used for a chat, so a new chat starts with it (kept in the data folder). */
export function readLastChoice(): ModelChoice | null {
  return getPref('lastChoice') ?? null
}

export function saveLastChoice(choice: ModelChoice): void {
  setPref('lastChoice', { connectionId: choice.connectionId, model: choice.model })
}

/** The columns of the last comparison, so a new one starts with them. */
export function readLastColumns(): Column[] | null {
  const columns = getPref('lastColumns')
  return columns ? columns.map((c) => newColumn(c as Partial<Column>)) : null
}

export function saveLastColumns(columns: readonly Column[]): void {
  const plain = columns.map(({ connectionId, model, parameters }) => ({
    connectionId,
    model,
    parameters,
  }))
  // The contract keeps 2–8 columns; anything else is not a comparison to start from.
  if (plain.length >= 2 && plain.length <= 8) setPref('lastColumns', plain)
}
