import type { AzureConnection } from '../../types'

/** The base model a deployment serves, from the connection's `baseModels` (record or text). */
export function azureBaseModel(
  deployment: string,
  connection: AzureConnection,
): string | undefined {
  const { baseModels } = connection
  if (baseModels === undefined) return undefined
  const table = typeof baseModels === 'string' ? parseBaseModels(baseModels) : baseModels
  const model = Object.hasOwn(table, deployment) ? table[deployment]?.trim() : undefined
  return model ? model : undefined
}

/**
 * `deployment = model` per line (or separated by commas); blank lines and lines without `=` are
 * ignored. The form's text is kept as typed; this reads it.
 */
export function parseBaseModels(text: string): Record<string, string> {
  const table: Record<string, string> = {}
  for (const entry of text.split(/[\n,]/)) {
    const at = entry.indexOf('=')
    if (at < 0) continue
    const deployment = entry.slice(0, at).trim()
    const model = entry.slice(at + 1).trim()
    if (deployment && model) table[deployment] = model
  }
  return table
}

/** The text form of a table, one `deployment = model` per line, sorted by deployment. */
export function formatBaseModels(table: Readonly<Record<string, string>>): string {
  return Object.keys(table)
    .sort()
    .map((deployment) => `${deployment} = ${table[deployment]}`)
    .join('\n')
}
