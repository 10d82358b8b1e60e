/**
 * The trust domain of a connection: who receives its saved secrets. A saved key may only be sent
 * to the domain it was entered for (docs/security.md, "Keys bound to their address").
 *
 * - A provider's official endpoints in any region or location are ONE domain,
 *   `official:<provider>`: changing a Bedrock region or a Vertex location keeps the key.
 * - A custom base URL or endpoint is its own domain: its normalized origin
 *   (`scheme://host[:port]`, host lower-cased, default port dropped). Another scheme, host or port
 *   is another domain. Another path on the same origin is the same server, so the same domain.
 *
 * Shared by core (which enforces it) and the renderer (which clears the key field when it changes).
 */

/** The connection field that holds a provider's address, if it has one. */
export function addressFieldOf(provider: string): 'baseURL' | 'endpoint' | undefined {
  if (provider === 'azure' || provider === 'bedrock') return 'endpoint'
  if (Object.hasOwn(OFFICIAL_HOSTS, provider) || provider === 'openai-compatible') return 'baseURL'
  return undefined
}

export function trustDomainOf(
  provider: string,
  fields: Readonly<Record<string, string | null | undefined>>,
): string {
  const field = addressFieldOf(provider)
  const raw = field === undefined ? '' : (fields[field] ?? '').trim()
  const isOfficial = OFFICIAL_HOSTS[provider]
  if (raw === '') return isOfficial ? `official:${provider}` : `none:${provider}`
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    // Never passes the field checks; still a domain of its own so nothing matches it by accident.
    return `invalid:${raw}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `invalid:${raw}`
  if (isOfficial && url.protocol === 'https:' && url.port === '' && isOfficial(url.hostname)) {
    return `official:${provider}`
  }
  return url.origin
}

const OFFICIAL_HOSTS: Record<string, (host: string) => boolean> = {
  openai: (host) => host === 'api.openai.com',
  anthropic: (host) => host === 'api.anthropic.com',
  gemini: (host) => host === 'generativelanguage.googleapis.com',
  // global, regional (us-central1-aiplatform) and multi-region (aiplatform.us.rep) endpoints.
  vertex: (host) =>
    host === 'aiplatform.googleapis.com' ||
    /^[a-z0-9-]+-aiplatform\.googleapis\.com$/.test(host) ||
    /^aiplatform\.[a-z0-9-]+\.rep\.googleapis\.com$/.test(host),
  bedrock: (host) => /^bedrock-runtime(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(host),
}
