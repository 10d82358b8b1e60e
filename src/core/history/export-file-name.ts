/** What an export holds: one conversation, a few chosen ones, or the whole history. */
export type ExportScope =
  | { kind: 'conversation'; id: string; title: string }
  | { kind: 'several'; count: number }
  | { kind: 'all' }

/** The longest title part of a file name, in UTF-8 bytes (file systems limit names by bytes). */
export const MAX_SLUG_BYTES = 80

/**
 * The file an export is offered as, named for what it holds and when (the person's local time, to
 * the minute), so two exports rarely collide: `parallax-<title>-2026-01-31-0905.md` for one
 * conversation, `parallax-history-all-2026-01-31-0905.json` for everything. `timeZone` is the
 * person's IANA zone (the renderer's, which may not be the host's); the host's when it is left
 * out or not a zone.
 */
export function exportFileName(
  scope: ExportScope,
  format: 'json' | 'markdown',
  date: Date,
  timeZone?: string,
): string {
  const what =
    scope.kind === 'conversation'
      ? titleSlug(scope.title) || titleSlug(scope.id) || 'conversation'
      : scope.kind === 'several'
        ? `history-${scope.count}-conversations`
        : 'history-all'
  return `parallax-${what}-${localStamp(date, timeZone)}.${format === 'json' ? 'json' : 'md'}`
}

/**
 * A title as part of a file name that Windows, macOS and Linux all accept: letters (any script,
 * so a Korean title stays Korean), marks and digits are kept, lower-cased; every other run of
 * characters — the reserved `<>:"/\|?*`, control characters, spaces, dots, emoji — becomes one `-`;
 * none at either end (Windows drops trailing dots and spaces); at most MAX_SLUG_BYTES of UTF-8,
 * cut between characters. A Windows device name (CON, NUL, COM1 …) gets a `_` so it is none.
 * Empty when nothing is left.
 */
export function titleSlug(title: string): string {
  const words = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  const slug = cutToBytes(words, MAX_SLUG_BYTES).replace(/-+$/, '')
  return WINDOWS_DEVICE.test(slug) ? `${slug}_` : slug
}

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/

/** The longest start of `text` within `limit` UTF-8 bytes that does not split a character. */
function cutToBytes(text: string, limit: number): string {
  const encoder = new TextEncoder()
  if (encoder.encode(text).length <= limit) return text
  let out = ''
  let bytes = 0
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    text,
  )) {
    bytes += encoder.encode(segment).length
    if (bytes > limit) break
    out += segment
  }
  return out
}

/** `YYYY-MM-DD-HHMM` in `timeZone`, or the host's zone. */
function localStamp(date: Date, timeZone: string | undefined): string {
  const parts = new Map(
    stampFormat(timeZone)
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  )
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? '00'
  return `${part('year')}-${part('month')}-${part('day')}-${part('hour')}${part('minute')}`
}

function stampFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }
  if (timeZone) {
    try {
      return new Intl.DateTimeFormat('en-US', { ...options, timeZone })
    } catch {
      // Not a time zone this runtime knows (RangeError): the host's zone below.
    }
  }
  return new Intl.DateTimeFormat('en-US', options)
}
