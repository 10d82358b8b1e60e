import { randomUUID } from 'node:crypto'
import { providers, type Connection, type ProviderId, type ProviderInfo } from '@parallax/llm'
import { DEFAULT_MAX_IN_FLIGHT, type ConnectionSummary } from '../../shared/connection-schemas'
import type { DestinationWarning } from '../../shared/destination-warnings'
import { trustDomainOf } from '../../shared/trust-domain'
import { InputError, NotFoundError } from '../errors/domain-errors'
import {
  mergeConnection,
  splitConnection,
  VaultReentryError,
  type SplitConnection,
  type Vault,
} from '../vault/index'
import { ConnectionBindingError, refuseCarriedSecrets } from './connection-binding'
import { checkDestination, type Acknowledged } from './connection-destination'
import { probeConnection, type ConnectionTestResult } from './connection-probe'
import { checkConnectionFields } from './check-connection-fields'
import { createDeploymentModels } from './deployment-models'
import type { ConnectionRepository, ConnectionRow } from './connection-repository'

export type { ConnectionTestResult } from './connection-probe'

export interface ConnectionServiceOptions {
  /** The saved connections' non-secret fields. */
  repository: ConnectionRepository
  vault: Vault
  now?: () => number
  /** How long a connection test may take (default 20 s). */
  testTimeoutMs?: number
}

type FieldChanges = Readonly<Record<string, string | null>>
type Saved = ConnectionSummary & { warnings: DestinationWarning[] }

/**
 * Saved connections: non-secret fields in the app database, secret fields encrypted in the
 * vault, bound to the trust domain (address) they were entered for. Nothing this service returns
 * carries a secret; `resolve` (for making calls) is the only way back to one, and it never crosses
 * the host boundary.
 */
export function createConnectionService(options: ConnectionServiceOptions) {
  const rows = options.repository
  const now = options.now ?? Date.now
  const deploymentModels = createDeploymentModels(options.repository, now)
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
      maxInFlight: row.maxInFlight,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }
  }

  const rowOf = (id: string, field = 'id'): ConnectionRow => {
    const row = rows.get(id)
    if (!row) {
      throw new NotFoundError(`There is no connection ${id}.`, {
        field,
        code: 'connection_not_found',
      })
    }
    return row
  }

  /** Secrets saved before bindings existed are bound to their connection's current address. */
  const bindExisting = () =>
    vault.bindUnbound((id) => {
      const row = rows.get(id)
      return row && trustDomainOf(row.provider, row.fields)
    })

  /**
   * The connection `changes` would make of a saved one, checked, with nothing written: refuses a
   * saved secret that would go to another trust domain, and an unacknowledged metadata address.
   */
  const planEdit = async (
    row: ConnectionRow,
    changes: FieldChanges,
    acknowledged: Acknowledged,
  ) => {
    await bindExisting()
    const info = providerOf(row.provider)
    const secrets = await vault.getSecrets(row.id)
    const merged = Object.fromEntries(
      Object.entries({ ...row.fields, ...secrets, ...changes }).filter(
        (entry): entry is [string, string] => entry[1] !== null,
      ),
    )
    const values = checkConnectionFields(info, merged)
    const domain = trustDomainOf(info.id, values)
    const savedSecrets = Object.keys(secrets)
    if (savedSecrets.length > 0) {
      const bound = await vault.boundDomain(row.id)
      refuseCarriedSecrets(info, savedSecrets, changes, bound, domain)
    }
    const warnings = checkDestination(info, values, acknowledged, row.fields)
    const split = splitOf(info, values)
    // A key waiting to be entered again that the person removes on purpose stops waiting.
    const dropped = vault.reentryFields(row.id).filter((name) => changes[name] === null)
    const removed = Object.fromEntries(
      [...savedSecrets, ...dropped]
        .filter((name) => split.secrets[name] === undefined)
        .map((name) => [name, null]),
    )
    return { domain, warnings, split, secretChanges: { ...removed, ...split.secrets } }
  }

  const service = {
    async list(): Promise<ConnectionSummary[]> {
      return Promise.all(rows.list().map(summarize))
    },

    async create(input: {
      provider: string
      label: string
      fields: Record<string, string>
      maxInFlight?: number | undefined
      acknowledge?: Acknowledged
    }): Promise<Saved> {
      const info = providerOf(input.provider, 'provider')
      const values = checkConnectionFields(info, input.fields)
      const warnings = checkDestination(info, values, input.acknowledge)
      const split = splitOf(info, values)
      const row: ConnectionRow = {
        id: randomUUID(),
        provider: info.id,
        label: input.label.trim(),
        fields: stringFields(split.public),
        maxInFlight: input.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
        createdAt: now(),
        updatedAt: now(),
      }
      // Secrets first: a row without its secrets would be a broken connection.
      await vault.setSecrets(row.id, split.secrets, trustDomainOf(info.id, values))
      try {
        rows.insert(row)
      } catch (error) {
        await vault.deleteSecrets(row.id)
        throw error
      }
      return { ...(await summarize(row)), warnings }
    },

    async update(input: {
      id: string
      label?: string | undefined
      fields?: FieldChanges | undefined
      maxInFlight?: number | undefined
      acknowledge?: Acknowledged
    }): Promise<Saved> {
      const row = rowOf(input.id)
      const plan = await planEdit(row, input.fields ?? {}, input.acknowledge)
      await vault.setSecrets(row.id, plan.secretChanges, plan.domain)
      const updated: ConnectionRow = {
        ...row,
        label: input.label?.trim() ?? row.label,
        fields: stringFields(plan.split.public),
        maxInFlight: input.maxInFlight ?? row.maxInFlight,
        updatedAt: now(),
      }
      rows.update(updated)
      return { ...(await summarize(updated)), warnings: plan.warnings }
    },

    async delete(id: string): Promise<boolean> {
      const existed = rows.delete(id)
      await vault.deleteSecrets(id)
      return existed
    },

    /** How many requests a saved connection may have in flight (the default for an unknown id). */
    maxInFlightOf(id: string): number {
      return rows.get(id)?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT
    },

    /** The model whose rules and prices apply to `model` (an Azure deployment's base model). */
    baseModelOf: deploymentModels.baseModelOf,
    /** Remembers the model an Azure deployment answered with, unless the connection names one. */
    rememberDeploymentModel: (id: string, deployment: string, model: string) =>
      deploymentModels.remember(id, deployment, model),

    /** The provider of a saved connection (runs need it before they load any secret). */
    providerOf(id: string): ProviderId {
      return providerOf(rowOf(id, 'connectionId').provider).id
    },

    /**
     * The full connection, secrets included, for making a call inside the host. Secrets bound to
     * another address than the row's (an edited database) are refused, never sent.
     */
    async resolve(id: string): Promise<Connection> {
      await bindExisting()
      const row = rowOf(id)
      const pending = vault.reentryFields(id)
      if (pending.length > 0) throw new VaultReentryError(id, pending)
      const secrets = await vault.getSecrets(id)
      if (Object.keys(secrets).length > 0) {
        const bound = await vault.boundDomain(id)
        if (bound !== trustDomainOf(row.provider, row.fields)) {
          throw new ConnectionBindingError(row.label)
        }
      }
      return mergeConnection({ provider: providerOf(row.provider).id, ...row.fields }, secrets)
    },

    /**
     * Checks a saved connection (`{ id }`), unsaved edits of one (`{ id, fields }`) or a new one
     * (`{ provider, fields }`) with the cheapest authenticated call. Saves nothing.
     */
    async test(input: {
      id?: string | undefined
      provider?: string | undefined
      fields?: FieldChanges | undefined
      acknowledge?: Acknowledged
    }): Promise<ConnectionTestResult & { warnings: DestinationWarning[] }> {
      const { connection, warnings } = await testTarget(input)
      const result = await probeConnection(connection, options.testTimeoutMs ?? 20_000, now)
      return { ...result, warnings }
    },
  }

  const testTarget = async (input: Parameters<typeof service.test>[0]) => {
    if (input.id !== undefined) {
      const row = rowOf(input.id)
      if (input.provider !== undefined && input.provider !== row.provider) {
        throw new InputError(
          `Connection ${input.id} is a ${row.provider} connection, not ${input.provider}.`,
          { field: 'provider', code: 'provider_mismatch' },
        )
      }
      if (input.fields === undefined) {
        const warnings = checkDestination(
          providerOf(row.provider),
          row.fields,
          undefined,
          row.fields,
        )
        return { connection: await resolveForTest(row), warnings }
      }
      const plan = await planEdit(row, input.fields, input.acknowledge)
      const connection = mergeConnection(plan.split.public, plan.split.secrets)
      return { connection, warnings: plan.warnings }
    }
    if (input.provider === undefined) {
      throw new InputError('Give the id of a saved connection, or a provider and its fields.', {
        field: 'id',
        code: 'connection_or_provider',
      })
    }
    const info = providerOf(input.provider, 'provider')
    const given = Object.entries(input.fields ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== null,
    )
    const values = checkConnectionFields(info, Object.fromEntries(given))
    const warnings = checkDestination(info, values, input.acknowledge)
    const split = splitOf(info, values)
    return { connection: mergeConnection(split.public, split.secrets), warnings }
  }

  // A test answers a binding mismatch like an update would: the key must be entered again.
  const resolveForTest = async (row: ConnectionRow): Promise<Connection> => {
    try {
      return await service.resolve(row.id)
    } catch (error) {
      if (!(error instanceof ConnectionBindingError)) throw error
      const info = providerOf(row.provider)
      const first = info.fields.find((field) => field.secret)?.name ?? 'apiKey'
      throw new InputError(error.message, { field: `fields.${first}`, code: 'secret_required' })
    }
  }

  return { ...service, bindExisting }
}

export type ConnectionService = ReturnType<typeof createConnectionService>

function providerOf(id: string, field?: string): ProviderInfo {
  const info = providers.find((provider) => provider.id === id)
  if (!info) {
    throw new InputError(`Unknown provider "${id}".`, {
      field,
      code: 'unknown_provider',
      details: { provider: id },
    })
  }
  return info
}

function splitOf(info: ProviderInfo, values: Record<string, string>): SplitConnection {
  return splitConnection({ ...values, provider: info.id } as unknown as Connection)
}

function stringFields(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name, value]) => name !== 'provider' && value !== undefined && value !== null)
      .map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]),
  )
}
