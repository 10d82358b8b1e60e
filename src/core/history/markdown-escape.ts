/**
 * Makes stored text safe to place in a Markdown file: a viewer shows it, never runs it. Outside
 * code, `<` and `&` become entities (so `<img onerror=…>` shows as text), backticks that do not
 * form a one-line code span are escaped, and a link to a `javascript:`-like address loses its
 * link syntax. Fenced code blocks and one-line code spans keep every byte.
 *
 * The rules are chosen so that this code and any CommonMark viewer agree on what is code:
 *  - a fence opener indented up to 3 spaces starts a block; it is written unindented, so it is a
 *    top-level fence for the viewer too (inside a list item it would end where the item ends);
 *  - every other backtick, and every run of 3+ tildes, is escaped, so the viewer opens no code
 *    block or span that this code did not (none inside lists or quotes, none across lines);
 *  - a span holding `|` is treated as text: a GFM table would split it at the pipe;
 *  - a block still open at the end is closed, so the next part of the file starts outside code.
 * Indented code blocks are not recognised: their text is escaped like any other.
 */
export function escapeMarkdownBlock(text: string): string {
  const parts = text.split(/(\r\n|\r|\n)/)
  let fence: { char: string; length: number } | null = null
  let out = ''
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index] ?? ''
    const newline = parts[index + 1] ?? ''
    if (fence) {
      if (closesFence(line, fence)) fence = null
      out += line + newline
      continue
    }
    const opener = FENCE_OPENER.exec(line)
    const marker = opener?.[1] ?? ''
    if (opener && (marker[0] === '~' || !(opener[2] ?? '').includes('`'))) {
      fence = { char: marker[0] ?? '`', length: marker.length }
      out += line.trimStart() + newline
      continue
    }
    out += escapeMarkdownInline(line) + newline
  }
  if (fence) out += `\n${fence.char.repeat(fence.length)}`
  return out
}

/** One line of text (a title, a model name) escaped as in `escapeMarkdownBlock`. */
export function escapeMarkdownInline(line: string): string {
  let out = ''
  let index = 0
  while (index < line.length) {
    const char = line[index] as string
    if (char === '\\' && index + 1 < line.length && ASCII_PUNCTUATION.test(line[index + 1] ?? '')) {
      out += line.slice(index, index + 2) // already a literal character
      index += 2
    } else if (char === '`') {
      const run = /^`+/.exec(line.slice(index))?.[0] ?? '`'
      const end = closingRun(line, index + run.length, run.length)
      const span = end === -1 ? null : line.slice(index, end + run.length)
      if (span !== null && !span.includes('|')) {
        out += span
        index += span.length
      } else {
        out += '\\`'.repeat(run.length)
        index += run.length
      }
    } else if (char === '~' && line.startsWith('~~~', index)) {
      out += '\\~'
      index += 1
    } else if (char === ']' && DANGEROUS_LINK.test(line.slice(index + 1))) {
      out += '\\]'
      index += 1
    } else {
      out += char === '<' ? '&lt;' : char === '&' ? '&amp;' : char
      index += 1
    }
  }
  return out
}

const FENCE_OPENER = /^ {0,3}(`{3,}|~{3,})(.*)$/
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/

/**
 * What may follow the `]` of a link or a link definition whose address runs script, or whose
 * address starts on the next line (which this line-by-line escaping cannot see).
 */
const DANGEROUS_LINK = /^[(:][ \t]*(?:$|<|(?:javascript|vbscript|data(?!:image\/)):)/i

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line)
  const marker = match?.[1] ?? ''
  return marker[0] === fence.char && marker.length >= fence.length
}

/** Where the next run of exactly `length` backticks starts at or after `from`; -1 if none. */
function closingRun(line: string, from: number, length: number): number {
  const runs = /`+/g
  runs.lastIndex = from
  for (let match = runs.exec(line); match; match = runs.exec(line)) {
    if (match[0].length === length) return match.index
  }
  return -1
}
