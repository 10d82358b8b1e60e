import { randomUUID } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'
import {
  complete,
  isLlmError,
  listModels,
  providers,
  type Connection,
  type ProviderId,
  type ProviderInfo,
} from '../../llm/index'
import type { ConnectionSummary } from '../../shared/connection-schemas'
import { RpcFailure } from '../../shared/rpc-result'
import { mergeConnection, splitConnection, type Vault } from '../vault/index'
import { checkConnectionFields } from './check-connection-fields'
import { createConnectionRows, type ConnectionRow } from './connection-rows'

export interface ConnectionTestResult {
  ok: boolean
  kind?: string
  message?: string
  hint?: string
  models?: number
  ms: number
}

export interface ConnectionServiceOptions {
  db: DatabaseSync
  vault: Vault
  now?: () => number
  /** How long a connection test may take (default 20 s). */
  testTimeoutMs?: number
}

/**
 * Saved connections: non-secret fields in the history database, secret fields encrypted in the
 * vault. Nothing this service returns carries a secret; `resolve` (for making calls) is the only
 * way back to one, and it never crosses the host boundary.
 */
export function createConnectionService(options: ConnectionServiceOptions) {
  const rows = createConnectionRows(options.db)
  const now = options.now ?? Date.now
  const { vault } = options

  const summarize = async (row: ConnectionRow): Promise<ConnectionSummary> => {
    const info = providerOf(row.provider)
    const secretNames = info.fields.filter((field) => field.secret).map((field) => field.name)
    const hints = await vault.hints(row.id, secretNames)
    return {
      id: row.id,
      provider: row.provider,
      label: row.label,
      fields: row.fields,
      secrets: hints,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }
  }

  const rowOf = (id: string, field = 'id'): ConnectionRow => {
    const row = rows.get(id)
    if (!row) throw new RpcFailure('not_found', `There is no connection ${id}.`, field)
    return row
  }

  return {
    async list(): Promise<ConnectionSummary[]> {
      return Promise.all(rows.list().map(summarize))
    },

    async create(input: {
      provider: string
      label: string
      fields: Record<string, string>
    }): Promise<ConnectionSummary> {
      const info = providerOf(input.provider, 'provider')
      const values = checkConnectionFields(info, input.fields)
      const split = splitConnection({ ...values, provider: info.id } as unknown as Connection)
      const { provider: _provider, ...fields } = split.public
      const row: ConnectionRow = {
        id: randomUUID(),
        provider: info.id,
        label: input.label.trim(),
        fields: stringFields(fields),
        createdAt: now(),
        updatedAt: now(),
      }
      // Secrets first: a row without its secrets would be a broken connection.
      await vault.setSecrets(row.id, split.secrets)
      try {
        rows.insert(row)
      } catch (error) {
        await vault.deleteSecrets(row.id)
        throw error
      }
      return summarize(row)
    },

    async update(input: {
      id: string
      label?: string | undefined
      fields?: Record<string, string | null> | undefined
    }): Promise<ConnectionSummary> {
      const row = rowOf(input.id)
      const info = providerOf(row.provider)
      const secrets = await vault.getSecrets(row.id)
      const changes = input.fields ?? {}
      const merged = Object.fromEntries(
        Object.entries({ ...row.fields, ...secrets, ...changes }).filter(
          (entry): entry is [string, string] => entry[1] !== null,
        ),
      )
      const values = checkConnectionFields(info, merged)
      const split = splitConnection({ ...values, provider: info.id } as unknown as Connection)
      const { provider: _provider, ...fields } = split.public
      const removed = Object.fromEntries(
        Object.keys(secrets)
          .filter((name) => split.secrets[name] === undefined)
          .map((name) => [name, null]),
      )
      await vault.setSecrets(row.id, { ...removed, ...split.secrets })
      const updated: ConnectionRow = {
        ...row,
        label: input.label?.trim() ?? row.label,
        fields: stringFields(fields),
        updatedAt: now(),
      }
      rows.update(updated)
      return summarize(updated)
    },

    async delete(id: string): Promise<boolean> {
      const existed = rows.delete(id)
      await vault.deleteSecrets(id)
      return existed
    },

    /** The provider of a saved connection (runs need it before they load any secret). */
    providerOf(id: string): ProviderId {
      return providerOf(rowOf(id, 'connectionId').provider).id
    },

    /** The full connection, secrets included, for making a call inside the host. */
    async resolve(id: string): Promise<Connection> {
      const row = rowOf(id)
      const secrets = await vault.getSecrets(id)
      return mergeConnection({ provider: providerOf(row.provider).id, ...row.fields }, secrets)
    },

    /** The cheapest authenticated call: the model list, or a 1-token answer where none exists. */
    async test(id: string): Promise<ConnectionTestResult> {
      const connection = await this.resolve(id)
      const started = now()
      const callOptions = { timeoutMs: options.testTimeoutMs ?? 20_000, maxRetries: 0 }
      try {
        const models = await listModels(connection, callOptions)
        if (models.length > 0 && models.every((model) => !model.listed)) {
          return await probeWithAnswer(connection, models[0]?.id ?? '', callOptions, started, now)
        }
        return { ok: true, models: models.length, ms: now() - started }
      } catch (error) {
        return failed(error, started, now)
      }
    },
  }
}

export type ConnectionService = ReturnType<typeof createConnectionService>

/** Providers that cannot list models (Azure deployments) are checked with a 1-token answer. */
async function probeWithAnswer(
  connection: Connection,
  model: string,
  callOptions: { timeoutMs: number; maxRetries: number },
  started: number,
  now: () => number,
): Promise<ConnectionTestResult> {
  try {
    await complete(
      { model, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] },
      connection,
      callOptions,
    )
    return { ok: true, ms: now() - started }
  } catch (error) {
    if (isLlmError(error) && error.kind === 'not_found') {
      return {
        ok: true,
        message: `The key works; there is no deployment named "${model}" to answer with.`,
        ms: now() - started,
      }
    }
    return failed(error, started, now)
  }
}

function failed(error: unknown, started: number, now: () => number): ConnectionTestResult {
  if (!isLlmError(error)) throw error
  return {
    ok: false,
    kind: error.kind,
    message: error.message,
    ...(error.hint ? { hint: error.hint } : {}),
    ms: now() - started,
  }
}

function providerOf(id: string, field?: string): ProviderInfo {
  const info = providers.find((provider) => provider.id === id)
  if (!info) throw new RpcFailure('invalid_input', `Unknown provider "${id}".`, field)
  return info
}

function stringFields(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  )
}
