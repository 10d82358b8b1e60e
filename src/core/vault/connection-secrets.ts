import {
  providers as allProviders,
  type Connection,
  type ProviderId,
  type ProviderInfo,
} from '@parallax/llm'

/** A connection without its secrets: safe to store in the database and to show. */
export type PublicConnection = { provider: ProviderId } & Record<string, unknown>

export interface SplitConnection {
  public: PublicConnection
  /** field name → value, for `vault.setSecrets`. */
  secrets: Record<string, string>
}

// Not credential fields of any form, but custom headers usually carry one (Authorization,
// X-Api-Key), so they are kept in the vault, as JSON text.
const JSON_SECRET_FIELDS = new Set(['headers'])

function providerInfo(provider: ProviderId, list: readonly ProviderInfo[]): ProviderInfo {
  const info = list.find((p) => p.id === provider)
  if (!info) throw new TypeError(`Unknown provider "${String(provider)}".`)
  return info
}

/** The field names of a provider whose values belong in the vault. */
export function secretFieldNames(
  provider: ProviderId,
  list: readonly ProviderInfo[] = allProviders,
): string[] {
  const info = providerInfo(provider, list)
  const names = info.fields.filter((f) => f.secret === true).map((f) => f.name)
  return provider === 'openai-compatible' ? [...names, 'headers'] : names
}

/**
 * Splits a connection into what may be stored in the clear and what goes to the vault. Only the
 * fields the provider declares as non-secret stay public; every other field (a secret, custom
 * headers, a field this code does not know) goes to the vault. Empty values are dropped.
 */
export function splitConnection(
  connection: Connection,
  list: readonly ProviderInfo[] = allProviders,
): SplitConnection {
  const info = providerInfo(connection.provider, list)
  const publicNames = new Set(info.fields.filter((f) => f.secret !== true).map((f) => f.name))
  const pub: PublicConnection = { provider: connection.provider }
  const secrets: Record<string, string> = {}
  for (const [name, value] of Object.entries(connection)) {
    if (name === 'provider' || value === undefined || value === null || value === '') continue
    if (publicNames.has(name)) {
      pub[name] = value
    } else if (JSON_SECRET_FIELDS.has(name)) {
      secrets[name] = JSON.stringify(value)
    } else if (typeof value === 'string') {
      secrets[name] = value
    } else {
      throw new TypeError(`The field "${name}" of a ${connection.provider} connection is not text.`)
    }
  }
  return { public: pub, secrets }
}

/** Rebuilds the full connection for a call, from the stored public part and the vault's secrets. */
export function mergeConnection(
  pub: PublicConnection,
  secrets: Readonly<Record<string, string>>,
): Connection {
  const merged: Record<string, unknown> = { ...pub }
  for (const [name, value] of Object.entries(secrets)) {
    merged[name] = JSON_SECRET_FIELDS.has(name) ? (JSON.parse(value) as unknown) : value
  }
  merged.provider = pub.provider
  return merged as unknown as Connection
}
