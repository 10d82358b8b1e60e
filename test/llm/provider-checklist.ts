import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The touch points of docs/adding-a-provider.md, read from the guide itself so that the guide and
 * the checks cannot drift: the "Families" table and the table between the touch-points markers.
 */
export const ROOT = join(import.meta.dirname, '..', '..')
const GUIDE = join(ROOT, 'docs', 'adding-a-provider.md')

export interface TouchPoint {
  name: string
  /** A path with placeholders; a trailing `/` means a folder. */
  file: string
  /** The file must contain one of these (after placeholders); empty: it only has to exist. */
  mustContain: string[]
}

export interface Family {
  family: string
  Family: string
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)))
    .slice(1)
}

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string)

export function readGuide(text = readFileSync(GUIDE, 'utf8')): {
  touchPoints: TouchPoint[]
  families: Map<string, Family>
} {
  const start = text.indexOf('<!-- touch-points -->')
  const end = text.indexOf('<!-- /touch-points -->')
  if (start < 0 || end < start) throw new Error('The guide has no touch-points table.')
  const touchPoints = tableRows(text.slice(start, end)).map(([name, file, contain]) => {
    const [path] = backticked(file ?? '')
    if (!name || !path) throw new Error(`A touch-point row without a file: ${name ?? ''}`)
    return { name, file: path, mustContain: backticked(contain ?? '') }
  })
  const familiesSection = text.slice(text.indexOf('## Families'), text.indexOf('## Touch points'))
  const families = new Map(
    tableRows(familiesSection).map(([provider, family, Family]) => [
      backticked(provider ?? '')[0] ?? '',
      { family: backticked(family ?? '')[0] ?? '', Family: backticked(Family ?? '')[0] ?? '' },
    ]),
  )
  return { touchPoints, families }
}

const camel = (id: string) => id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

export function fill(template: string, id: string, { family, Family }: Family): string {
  return template
    .replaceAll('<idCamel>', camel(id))
    .replaceAll('<id>', id)
    .replaceAll('<family>', family)
    .replaceAll('<Family>', Family)
}

/** What is missing of one touch point for one provider, in words; undefined when it is there. */
export function missingOf(
  point: TouchPoint,
  id: string,
  family: Family,
  root = ROOT,
): string | undefined {
  const file = fill(point.file, id, family)
  const path = join(root, file)
  if (!existsSync(path)) return `${point.name}: ${file} does not exist`
  if (file.endsWith('/')) return statSync(path).isDirectory() ? undefined : `${file} is no folder`
  if (point.mustContain.length === 0) return undefined
  const text = readFileSync(path, 'utf8')
  const wanted = point.mustContain.map((s) => fill(s, id, family))
  return wanted.some((s) => text.includes(s))
    ? undefined
    : `${point.name}: ${file} contains none of ${wanted.join(', ')}`
}
