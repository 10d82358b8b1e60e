import type { ClientRole, FamilyId } from './family'
import type { Samples } from './runner'
import { median, relativeSpread } from './stats'

/** The issue's targets (library work meets them; the bench only judges). */
export const TARGETS = { raw: 2.0, worstSdk: 1.0, aiSdk: 0.5, linearity: 11 }

const FAMILIES: FamilyId[] = ['openai', 'anthropic', 'bedrock', 'gemini']
const ROLES: ClientRole[] = ['floor', 'sdk', 'library', 'ai-sdk']

export interface Ratio {
  /** The median of the run-by-run ratios. */
  value: number
  /** Their spread (±, relative). */
  spread: number
}

function ratio(all: readonly Samples[], family: FamilyId, a: ClientRole, b: ClientRole): Ratio {
  const top = all.find((s) => s.family === family && s.role === a)?.perChunk
  const bottom = all.find((s) => s.family === family && s.role === b)?.perChunk
  if (!top || !bottom) return { value: Number.NaN, spread: Number.NaN }
  // Run by run: the two clients of a pair ran one right after the other, so a burst of load on a
  // shared machine inflates both alike.
  const ratios = top.map((t, i) => t / (bottom[i] ?? Number.NaN))
  return { value: median(ratios), spread: relativeSpread(ratios) }
}

const fixed = (n: number) => (Number.isNaN(n) ? 'n/a' : n.toFixed(2))
const percent = (n: number) => (Number.isNaN(n) ? '' : `±${Math.round(n * 100)}%`)

/** family × client: µs CPU per delta (± run spread), × the floor, × the family's SDK. */
export function printTable(all: readonly Samples[]): void {
  console.log('family     client    µs/chunk   spread   ×floor          ×sdk')
  for (const family of FAMILIES) {
    for (const role of ROLES) {
      const samples = all.find((s) => s.family === family && s.role === role)
      if (!samples) continue
      const toFloor = ratio(all, family, role, 'floor')
      const toSdk = ratio(all, family, role, 'sdk')
      console.log(
        [
          family.padEnd(10),
          role.padEnd(9),
          median(samples.perChunk).toFixed(2).padStart(8),
          percent(relativeSpread(samples.perChunk)).padStart(8),
          `${fixed(toFloor.value)} ${percent(toFloor.spread)}`.padStart(11).padEnd(15),
          `${fixed(toSdk.value)} ${percent(toSdk.spread)}`.padStart(11),
        ].join(' '),
      )
    }
  }
}

/** Prints the targets missed and the last line; returns whether every target was met. */
export function printSummary(all: readonly Samples[], linearity: number): boolean {
  const raw = Object.fromEntries(
    FAMILIES.map((family) => [family, ratio(all, family, 'library', 'floor').value]),
  ) as Record<FamilyId, number>
  const toSdk = FAMILIES.map((family) => ratio(all, family, 'library', 'sdk').value)
  const worstSdk = toSdk.some(Number.isNaN) ? Number.NaN : Math.max(...toSdk)
  const aiSdk = ratio(all, 'openai', 'library', 'ai-sdk').value
  const checks: [string, number, number][] = [
    ...FAMILIES.map((family): [string, number, number] => [
      `${family}_raw`,
      raw[family],
      TARGETS.raw,
    ]),
    ['worst_sdk', worstSdk, TARGETS.worstSdk],
    ['ai_sdk', aiSdk, TARGETS.aiSdk],
    ['linearity', linearity, TARGETS.linearity],
  ]
  // NaN (a family left out with --families) never meets a target.
  const missed = checks.filter(([, value, target]) => !(value <= target))
  if (missed.length)
    console.log(
      `targets missed: ${missed.map(([name, value, target]) => `${name} ${fixed(value)} > ${target}`).join('; ')}`,
    )
  console.log(`llm-stream: ${checks.map(([name, value]) => `${name}=${fixed(value)}`).join(' ')}`)
  return missed.length === 0
}
