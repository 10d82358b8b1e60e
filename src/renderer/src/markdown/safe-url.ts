/**
 * Model output is untrusted, so a URL in it is usable only when it is absolute http(s):
 * javascript:, data:, vbscript:, file:, relative URLs and anything unparsable are not.
 */
export function parseWebUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
}

/** Images load only over https (and only when the person asks). */
export function parseImageUrl(value: unknown): URL | undefined {
  const url = parseWebUrl(value)
  return url?.protocol === 'https:' ? url : undefined
}
