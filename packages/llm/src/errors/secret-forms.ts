/**
 * The forms a secret may come back in when a server echoes what it received: as sent, URL-encoded
 * (query strings, form bodies), escaped inside a JSON string, and inside base64 — a header like
 * `Basic base64("user:" + key)` or a token that wraps the key. Every form is exact text, so
 * redacting them is a plain substring replace.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set<string>([secret])
  const uri = encodeURIComponent(secret)
  forms.add(uri)
  forms.add(lowerHexEscapes(uri))
  forms.add(uri.replace(/%20/g, '+'))
  // URLSearchParams (form bodies) escapes more than encodeURIComponent: !'()~ too.
  forms.add(new URLSearchParams({ v: secret }).toString().slice(2))
  const json = JSON.stringify(secret).slice(1, -1)
  forms.add(json)
  forms.add(json.replace(/\//g, '\\/')) // JSON writers that escape the solidus (PHP, some Java)
  forms.add(asciiJson(json))
  forms.add(JSON.stringify(json).slice(1, -1)) // a JSON string quoted inside another one
  for (const core of base64Cores(secret)) {
    forms.add(core)
    forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  return [...forms]
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of the three places it
 * can start within a 3-byte group of a larger blob. Characters shared with the bytes before or
 * after (and any padding) are left out, so each core appears in any blob holding the secret at
 * that alignment, padded or not.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const cores: string[] = []
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    const first = Math.ceil((offset * 8) / 6)
    const end = Math.floor(((offset + bytes.length) * 8) / 6)
    if (end - first >= 6) cores.push(encoded.slice(first, end))
  }
  return cores
}

function lowerHexEscapes(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())
}

/** JSON with every non-ASCII character written as \uXXXX, as `ensure_ascii` writers do. */
function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
