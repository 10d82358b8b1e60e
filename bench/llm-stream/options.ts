import type { FamilyId } from './family'

export interface BenchOptions {
  /** Deltas per stream for the family ratios. */
  chunks: number
  /** The two sizes of the OpenAI library linearity check. */
  linearity: [number, number]
  /** Measured runs per client (after one warm-up); the median counts. */
  runs: number
  families: FamilyId[]
  /** Where to write every sample as JSON (for a closer look), if anywhere. */
  samplesFile?: string
}

const ALL: FamilyId[] = ['openai', 'anthropic', 'bedrock', 'gemini']

/**
 * `--chunks=20000 --small=10000 --large=100000 --runs=11 --families=openai,bedrock --samples=FILE`
 * (smaller values while developing; the defaults are what the targets are judged on).
 */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const value = (name: string) =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
  const count = (name: string, fallback: number) => {
    const text = value(name)
    const n = text === undefined ? fallback : Number(text)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer`)
    return n
  }
  const families = (value('families')?.split(',') ?? ALL) as FamilyId[]
  const unknown = families.filter((id) => !ALL.includes(id))
  if (unknown.length) throw new Error(`unknown families: ${unknown.join(', ')}`)
  return {
    chunks: count('chunks', 20_000),
    linearity: [count('small', 10_000), count('large', 100_000)],
    runs: count('runs', 11),
    families: ALL.filter((id) => families.includes(id)),
    ...(value('samples') ? { samplesFile: value('samples') } : {}),
  }
}
