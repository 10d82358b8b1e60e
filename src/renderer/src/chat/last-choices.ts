import { z } from 'zod'
import type { ModelChoice } from '../models/model-choice'
import { newColumn, type Column } from './column-key'

const CHOICE_KEY = 'parallax.lastChoice.v1'
const COLUMNS_KEY = 'parallax.lastColumns.v1'

const ChoiceSchema = z.object({ connectionId: z.string().min(1), model: z.string().min(1) })
const ColumnsSchema = z
  .array(
    z.object({
      connectionId: z.string().nullable(),
      model: z.string().nullable(),
      parameters: z.record(z.string(), z.unknown()),
    }),
  )
  .min(2)
  .max(8)

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = localStorage.getItem(key)
    if (!raw) return null
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The model last used for a chat, so a new chat starts with it. */
export function readLastChoice(): ModelChoice | null {
  return read(CHOICE_KEY, ChoiceSchema)
}

export function saveLastChoice(choice: ModelChoice): void {
  localStorage.setItem(CHOICE_KEY, JSON.stringify(choice))
}

/** The columns of the last comparison, so a new one starts with them. */
export function readLastColumns(): Column[] | null {
  const columns = read(COLUMNS_KEY, ColumnsSchema)
  return columns ? columns.map((c) => newColumn(c as Partial<Column>)) : null
}

export function saveLastColumns(columns: readonly Column[]): void {
  const plain = columns.map(({ connectionId, model, parameters }) => ({
    connectionId,
    model,
    parameters,
  }))
  localStorage.setItem(COLUMNS_KEY, JSON.stringify(plain))
}
