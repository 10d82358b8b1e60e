/**
 * Destinations worth a word before a key is sent there. Codes are stable (the UI words them in
 * the person's language); messages are plain English for logs and API callers.
 *
 * Only the address as written is judged: a custom host name that later resolves to a metadata or
 * private address (DNS rebinding) is not detected (docs/security.md).
 */
export type DestinationWarningCode = 'plain_http' | 'metadata_address'

export interface DestinationWarning {
  code: DestinationWarningCode
  message: string
}

export function destinationWarnings(address: string): DestinationWarning[] {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return []
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return []
  // WHATWG URL has already turned 2852039166, 0xA9FEA9FE and 0251.0376.0251.0376 into
  // 169.254.169.254 and lower-cased the host; IPv6 keeps its brackets.
  const host = url.hostname.replace(/\.$/, '')
  const warnings: DestinationWarning[] = []
  if (url.protocol === 'http:' && !isLoopback(host)) {
    warnings.push({
      code: 'plain_http',
      message: `${url.host} is reached over plain http://: the key and every prompt cross the network unencrypted. Use https:// unless this server is on a network you trust.`,
    })
  }
  if (isMetadataHost(host)) {
    warnings.push({
      code: 'metadata_address',
      message: `${url.host} is a link-local or cloud metadata address: requests there can reach the machine's cloud credentials instead of a model provider.`,
    })
  }
  return warnings
}

const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
  'metadata.azure.internal',
])

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true
  const v4 = ipv4Of(host)
  return v4 !== undefined && v4[0] === 127
}

function isMetadataHost(host: string): boolean {
  if (METADATA_NAMES.has(host)) return true
  const v4 = ipv4Of(host)
  if (v4 !== undefined) {
    const [a, b, c, d] = v4
    // 169.254.0.0/16 (AWS, Azure, GCP, Oracle, DigitalOcean …) and Alibaba's 100.100.100.200.
    return (a === 169 && b === 254) || (a === 100 && b === 100 && c === 100 && d === 200)
  }
  const v6 = ipv6Of(host)
  if (v6 === undefined) return false
  // fe80::/10 link-local, and AWS's IPv6 metadata address fd00:ec2::254.
  if (((v6[0] ?? 0) & 0xffc0) === 0xfe80) return true
  return v6.join(':') === [0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254].join(':')
}

/** Dotted IPv4 (URL has normalized every other spelling), or an IPv4-mapped IPv6 address. */
function ipv4Of(host: string): [number, number, number, number] | undefined {
  const dotted = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (dotted) return dotted.slice(1, 5).map(Number) as [number, number, number, number]
  const v6 = ipv6Of(host)
  if (v6 === undefined || v6.slice(0, 5).some((part) => part !== 0) || v6[5] !== 0xffff) {
    return undefined
  }
  const [high, low] = [v6[6] ?? 0, v6[7] ?? 0]
  return [high >> 8, high & 0xff, low >> 8, low & 0xff]
}

/** The eight 16-bit groups of a bracketed IPv6 host as URL serializes it (hex, `::`, no dots). */
function ipv6Of(host: string): number[] | undefined {
  if (!host.startsWith('[') || !host.endsWith(']')) return undefined
  const inner = host.slice(1, -1)
  const [head = '', tail] = inner.split('::')
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const front = parse(head)
  const back = tail === undefined ? [] : parse(tail)
  const missing = 8 - front.length - back.length
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined
  const groups = [...front, ...new Array<number>(missing).fill(0), ...back]
  return groups.some((g) => Number.isNaN(g)) ? undefined : groups
}
