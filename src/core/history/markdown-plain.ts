/**
 * Markdown as the plain text a reader sees: no emphasis markers, backticks, heading hashes, table
 * rules or cell pipes, link and image syntax (their text is kept). Used for search snippets, so it
 * is a fast line-by-line pass rather than a full parser; line breaks are kept.
 */
export function markdownToPlain(source: string): string {
  const lines = source.split('\n')
  const tableRows = findTableRows(lines)
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (FENCE.test(line) || RULE.test(line) || TABLE_RULE.test(line)) continue
    let text = line
      .replace(HEADING, '')
      .replace(HEADING_CLOSE, '')
      .replace(QUOTE, '')
      .replace(BULLET, '')
    if (tableRows.has(i)) text = tableCells(text)
    out.push(inlinePlain(text))
  }
  return out.join('\n')
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/
/** `| --- | :-: |`, `---|---` */
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$/
const HEADING = /^\s{0,3}#{1,6}(\s+|$)/
const HEADING_CLOSE = /\s+#+\s*$/
const QUOTE = /^\s{0,3}(>\s?)+/
const BULLET = /^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/

/** Rows of a table: lines starting with a pipe, and the lines around a table rule. */
function findTableRows(lines: string[]): Set<number> {
  const rows = new Set<number>()
  lines.forEach((line, i) => {
    if (/^\s*\|/.test(line)) rows.add(i)
    if (!TABLE_RULE.test(line)) return
    if (i > 0) rows.add(i - 1)
    for (let j = i + 1; j < lines.length && (lines[j] as string).includes('|'); j++) rows.add(j)
  })
  return rows
}

function tableCells(line: string): string {
  return line
    .replace(/\\\|/g, '\ue000')
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '')
    .join(' · ')
    .replace(/\ue000/g, '|')
}

const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g

function inlinePlain(line: string): string {
  // Code spans keep their content as it is (a `**` inside code is code, not emphasis).
  const spans: string[] = []
  const text = line.replace(CODE_SPAN, (_, _ticks: string, code: string) => {
    spans.push(code.trim())
    return `\ue001${spans.length - 1}\ue002`
  })
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2')
    .replace(/\*\*|`+/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
    .replace(/\ue001(\d+)\ue002/g, (_, index: string) => spans[Number(index)] ?? '')
}
