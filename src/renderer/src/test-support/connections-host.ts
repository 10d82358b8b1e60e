import { destinationWarnings } from '../../../shared/destination-warnings'
import { RpcFailure } from '../../../shared/rpc-result'
import { addressFieldOf, trustDomainOf } from '../../../shared/trust-domain'
import type { ConnectionView, ProviderView } from '../app/app-context'
import type { FakeHandlers } from './fake-client'
import { providers } from './providers'

/**
 * A host that keeps connections in memory the way the real one does: secrets go into a separate
 * store and only their hints come back.
 */
export function createConnectionsHost() {
  let connections: ConnectionView[] = []
  const secrets = new Map<string, Record<string, string>>()
  let next = 1

  const summarize = (
    provider: ProviderView,
    base: Omit<ConnectionView, 'secrets' | 'fields'>,
    values: Record<string, string>,
  ): ConnectionView => {
    const fields: Record<string, string> = {}
    const hints: ConnectionView['secrets'] = {}
    const stored: Record<string, string> = {}
    for (const field of provider.fields) {
      const value = values[field.name]
      if (field.secret) {
        if (value) stored[field.name] = value
        hints[field.name] = value
          ? { set: true, last4: value.length >= 12 ? value.slice(-4) : '' }
          : { set: false, last4: '' }
      } else if (value) {
        fields[field.name] = value
      }
    }
    secrets.set(base.id, stored)
    return { ...base, fields, secrets: hints }
  }

  const add = (providerId: string, label: string, values: Record<string, string>) => {
    const provider = providers.find((p) => p.id === providerId)
    if (!provider) return undefined
    const now = 1_700_000_000_000
    const base = { id: `c${next++}`, provider: provider.id, label, createdAt: now, updatedAt: now }
    const created = summarize(provider, base, values)
    connections = [...connections, created]
    return created
  }

  const handlers = {
    'connections.list': () => ({ connections }),
    'vault.status': () => ({
      kind: 'safe-storage',
      keySource: 'encryptor',
      created: true,
      secure: true,
      unlocked: true,
      count: 0,
      consentRequired: false,
    }),
    'connections.create': (input) => {
      const created = add(input.provider, input.label, input.fields)
      if (!created) throw new RpcFailure('invalid_input', 'no provider')
      return { ...created, warnings: warningsOf(created) }
    },
    'connections.update': (input) => {
      const old = connections.find((c) => c.id === input.id)
      const provider = providers.find((p) => p.id === old?.provider)
      if (!old || !provider) throw new RpcFailure('not_found', 'gone')
      // Like the real host: saved secrets do not follow the address to another server.
      const saved = secrets.get(old.id) ?? {}
      const moved =
        trustDomainOf(old.provider, old.fields) !==
        trustDomainOf(old.provider, { ...old.fields, ...input.fields })
      const carried = Object.keys(saved).find((name) => !Object.hasOwn(input.fields ?? {}, name))
      if (moved && carried !== undefined) {
        const message = 'The address now points to another server; enter the key again.'
        throw new RpcFailure('invalid_input', message, `fields.${carried}`, 'secret_required')
      }
      const changed = { ...old.fields, ...saved, ...input.fields }
      const merged = Object.fromEntries(
        Object.entries(changed).filter((entry): entry is [string, string] => entry[1] !== null),
      )
      const updated = summarize(provider, { ...old, label: input.label ?? old.label }, merged)
      connections = connections.map((c) => (c.id === old.id ? updated : c))
      return { ...updated, warnings: warningsOf(updated) }
    },
    'connections.delete': (input) => {
      const before = connections.length
      connections = connections.filter((c) => c.id !== input.id)
      return { deleted: connections.length < before }
    },
    'connections.test': () => ({ ok: true, models: 12, ms: 340, warnings: [] }),
  } satisfies FakeHandlers

  /** A connection saved before the test starts (its secrets stay in the host). */
  const seed = (providerId: string, label: string, values: Record<string, string>) => {
    const created = add(providerId, label, values)
    if (!created) throw new Error(`unknown provider ${providerId}`)
    return created
  }

  return { handlers, secrets, seed, connections: () => connections }
}

function warningsOf(connection: ConnectionView) {
  const field = addressFieldOf(connection.provider)
  const address = field === undefined ? undefined : connection.fields[field]
  return address === undefined ? [] : destinationWarnings(address)
}
