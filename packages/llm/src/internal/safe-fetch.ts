/** Request headers that carry credentials and must never follow a redirect to another origin. */
const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-amz-security-token',
  'x-amz-date',
  'x-amz-content-sha256',
  'cookie',
]

const MAX_REDIRECTS = 5

/**
 * A fetch that follows redirects itself, so that credentials only ever go to the origin they were
 * meant for: a redirect to another origin is followed without any credential header (fetch
 * itself strips only `Authorization`, not `x-api-key` or `api-key`).
 */
export function createSafeFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const first = new Request(input, init)
    const origin = new URL(first.url).origin
    const signal = first.signal
    let url = new URL(first.url)
    let method = first.method
    const headers = new Headers(first.headers)
    // Buffered once, so a 307/308 can send it again.
    let body: ArrayBuffer | undefined = first.body ? await first.arrayBuffer() : undefined
    for (let hop = 0; ; hop++) {
      const response = await base(url, { method, headers, body, signal, redirect: 'manual' })
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || !location || hop >= MAX_REDIRECTS) {
        return response
      }
      await response.body?.cancel()
      url = new URL(location, url)
      if (url.origin !== origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name)
      if (response.status !== 307 && response.status !== 308) {
        method = method === 'HEAD' ? 'HEAD' : 'GET'
        body = undefined
        headers.delete('content-type')
        headers.delete('content-length')
      }
    }
  }
}
