import type { ParallaxClient } from '../../../shared/client'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { destinationWarnings } from '../../../shared/destination-warnings'
import type { RpcResult } from '../../../shared/rpc-result'
import { addressFieldOf, trustDomainOf } from '../../../shared/trust-domain'
import type { ConnectionView, ProviderView } from '../app/app-context'

/** Used by component tests only: an in-memory host that answers the contract and records calls. */

export type FakeHandlers = {
  [M in MethodName]?: (
    input: MethodInput<M>,
  ) => RpcResult<MethodOutput<M>> | Promise<RpcResult<MethodOutput<M>>>
}

export interface FakeCall {
  method: MethodName
  input: unknown
}

export function createFakeClient(handlers: FakeHandlers) {
  const calls: FakeCall[] = []
  const client: ParallaxClient = {
    host: 'web',
    invoke<M extends MethodName>(method: M, input: MethodInput<M>) {
      calls.push({ method, input })
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined
      const answer = handler
        ? handler(input)
        : { ok: false, error: { kind: 'internal', message: `${method} is not faked` } }
      return Promise.resolve(answer) as Promise<RpcResult<MethodOutput<M>>>
    },
    on() {
      return () => undefined
    },
  }
  const callsTo = (method: MethodName) =>
    calls.filter((call) => call.method === method).map((call) => call.input)
  return { client, calls, callsTo, handlers }
}

/** Providers shaped like the real OpenAI and Bedrock descriptors (fewer fields). */
export const fakeProviders: ProviderView[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        secret: true,
        required: true,
        placeholder: 'sk-proj-…',
        help: 'Create a key on the OpenAI platform under API keys.',
      },
      {
        name: 'baseURL',
        label: 'Base URL',
        placeholder: 'https://api.openai.com/v1',
        help: 'Optional. Only for a proxy or a regional endpoint.',
      },
      {
        name: 'organization',
        label: 'Organization ID',
        placeholder: 'org-…',
        help: 'Optional. Only when your key belongs to several organizations.',
      },
    ],
    docsUrl: 'https://platform.openai.com/docs/api-reference/chat',
    keysUrl: 'https://platform.openai.com/api-keys',
  },
  {
    id: 'bedrock',
    label: 'AWS Bedrock',
    fields: [
      {
        name: 'region',
        label: 'Region',
        required: true,
        placeholder: 'us-east-1',
        help: 'The AWS region to call, e.g. us-east-1.',
      },
      {
        name: 'accessKeyId',
        label: 'Access key ID',
        placeholder: 'AKIA…',
        help: 'An IAM access key.',
      },
      {
        name: 'secretAccessKey',
        label: 'Secret access key',
        secret: true,
        help: 'The secret that belongs to the access key ID.',
      },
      {
        name: 'sessionToken',
        label: 'Session token',
        secret: true,
        help: 'Only for temporary credentials.',
      },
    ],
    docsUrl: 'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html',
    keysUrl: 'https://console.aws.amazon.com/bedrock/home#/api-keys',
  },
]

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
    const provider = fakeProviders.find((p) => p.id === providerId)
    if (!provider) return undefined
    const now = 1_700_000_000_000
    const base = { id: `c${next++}`, provider: provider.id, label, createdAt: now, updatedAt: now }
    const created = summarize(provider, base, values)
    connections = [...connections, created]
    return created
  }

  const handlers: FakeHandlers = {
    'providers.list': () => ({ ok: true, value: { providers: fakeProviders } }),
    'connections.list': () => ({ ok: true, value: { connections } }),
    'vault.status': () => ({
      ok: true,
      value: {
        kind: 'safe-storage',
        keySource: 'encryptor',
        created: true,
        secure: true,
        unlocked: true,
        count: 0,
        consentRequired: false,
      },
    }),
    'connections.create': (input) => {
      const created = add(input.provider, input.label, input.fields)
      if (!created) return { ok: false, error: { kind: 'invalid_input', message: 'no provider' } }
      return { ok: true, value: { ...created, warnings: warningsOf(created) } }
    },
    'connections.update': (input) => {
      const old = connections.find((c) => c.id === input.id)
      const provider = fakeProviders.find((p) => p.id === old?.provider)
      if (!old || !provider) return { ok: false, error: { kind: 'not_found', message: 'gone' } }
      // Like the real host: saved secrets do not follow the address to another server.
      const saved = secrets.get(old.id) ?? {}
      const moved =
        trustDomainOf(old.provider, old.fields) !==
        trustDomainOf(old.provider, { ...old.fields, ...input.fields })
      const carried = Object.keys(saved).find((name) => !Object.hasOwn(input.fields ?? {}, name))
      if (moved && carried !== undefined) {
        const message = 'The address now points to another server; enter the key again.'
        const error = { kind: 'invalid_input', message, field: `fields.${carried}` } as const
        return { ok: false, error: { ...error, code: 'secret_required' } }
      }
      const changed = { ...old.fields, ...saved, ...input.fields }
      const merged = Object.fromEntries(
        Object.entries(changed).filter((entry): entry is [string, string] => entry[1] !== null),
      )
      const updated = summarize(provider, { ...old, label: input.label ?? old.label }, merged)
      connections = connections.map((c) => (c.id === old.id ? updated : c))
      return { ok: true, value: { ...updated, warnings: warningsOf(updated) } }
    },
    'connections.delete': (input) => {
      const before = connections.length
      connections = connections.filter((c) => c.id !== input.id)
      return { ok: true, value: { deleted: connections.length < before } }
    },
    'connections.test': () => ({
      ok: true,
      value: { ok: true, models: 12, ms: 340, warnings: [] },
    }),
  }
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
