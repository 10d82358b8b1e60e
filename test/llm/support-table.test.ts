import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PARAMETER_NAMES } from '../../packages/llm/src/parameter-names'
import { EXTRA_FIELDS } from '../../packages/llm/src/request-fields'
import { supportTable, TABLE_END, TABLE_START } from './support-table'

const DOC = resolve(__dirname, '../../docs/library.md')

/** The table in the doc, between its markers. */
function documented(text: string): string {
  const start = text.indexOf(TABLE_START)
  const end = text.indexOf(TABLE_END)
  if (start < 0 || end < start) throw new Error(`docs/library.md lacks the ${TABLE_START} markers`)
  return text.slice(start, end + TABLE_END.length)
}

/** Cells without the padding Prettier aligns a Markdown table with. */
function normalized(table: string): string {
  return table
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n')
}

describe('the support table in docs/library.md', () => {
  it('is the one the rule tables produce (UPDATE_SUPPORT_TABLE=1 rewrites it)', async () => {
    const text = readFileSync(DOC, 'utf8')
    const table = supportTable()
    if (process.env.UPDATE_SUPPORT_TABLE === '1') {
      const { format, resolveConfig } = await import('prettier')
      const updated = text.replace(documented(text), table)
      const config = (await resolveConfig(DOC)) ?? {}
      writeFileSync(DOC, await format(updated, { ...config, filepath: DOC }))
      return
    }
    expect(normalized(documented(text))).toBe(normalized(table))
  })

  it('has a row for every request field and a column for every provider', () => {
    const lines = supportTable()
      .split('\n')
      .filter((line) => line.startsWith('| `'))
    expect(lines.length).toBe(PARAMETER_NAMES.length + EXTRA_FIELDS.length)
    for (const line of lines) expect(line.split(' | ')).toHaveLength(8)
  })
})
