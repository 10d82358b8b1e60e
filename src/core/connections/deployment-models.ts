import { baseModelOf, type Connection } from '@parallax/llm'
import type { ConnectionRepository } from './connection-repository'

/**
 * An Azure connection's `baseModels` field (one `deployment = model` per line): read for the
 * rules and prices of a deployment, and filled in once a deployment has said what it serves.
 */
export function createDeploymentModels(rows: ConnectionRepository, now: () => number) {
  return {
    /** The model whose rules and prices apply to `model` on a saved connection, if it says. */
    baseModelOf(id: string, model: string): string | undefined {
      const row = rows.get(id)
      if (!row) return undefined
      return baseModelOf({ provider: row.provider, ...row.fields } as unknown as Connection, model)
    },

    /** Adds `deployment = model` unless the connection already names the deployment's model. */
    remember(id: string, deployment: string, model: string): boolean {
      const row = rows.get(id)
      if (!row || row.provider !== 'azure' || this.baseModelOf(id, deployment) !== undefined)
        return false
      if (/[=,\n]/.test(deployment) || /[=,\n]/.test(model)) return false
      const text = row.fields.baseModels?.trim() ?? ''
      const line = `${deployment} = ${model}`
      rows.update({
        ...row,
        fields: { ...row.fields, baseModels: text ? `${text}\n${line}` : line },
        updatedAt: now(),
      })
      return true
    },
  }
}
