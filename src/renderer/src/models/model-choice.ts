import type { ModelEntry, ModelList } from '../../../shared/model-schemas'

/** One model on one saved connection: what a picker returns and a run targets. */
export interface ModelChoice {
  connectionId: string
  model: string
}

export function sameChoice(a: ModelChoice | null, b: ModelChoice | null): boolean {
  if (a === null || b === null) return a === b
  return a.connectionId === b.connectionId && a.model === b.model
}

/** A string key for maps and React keys; the separator cannot appear in an id typed by hand. */
export function choiceKey(choice: ModelChoice): string {
  return `${choice.connectionId}\u0000${choice.model}`
}

export function parseChoiceKey(key: string): ModelChoice | null {
  const at = key.indexOf('\u0000')
  if (at <= 0 || at === key.length - 1) return null
  return { connectionId: key.slice(0, at), model: key.slice(at + 1) }
}

/** The entry of a loaded list for a chosen model id, if the connection offers it. */
export function findModelEntry(list: ModelList | undefined, model: string): ModelEntry | undefined {
  return list?.models.find((entry) => entry.id === model)
}
