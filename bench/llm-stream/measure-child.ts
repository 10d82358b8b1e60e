import { fork } from 'node:child_process'
import type { Family, FamilyId } from './family'
import { openai } from './openai'
import { parseOptions, type BenchOptions } from './options'
import { measureFamily, measureSizes, type Samples } from './runner'

export interface Measurement {
  samples: Samples[]
  /** OpenAI only: the library's median CPU µs per stream at the two linearity sizes. */
  sizes?: number[]
}

/**
 * Each family is measured in a fresh process: sharing one process, the families' SDKs slowed
 * each other's shared code paths (fetch, stream readers) by a different amount each run, and the
 * ratios drifted ±15% between runs. Alone, each family's figures repeat.
 */
export function measureInChild(
  entry: string,
  server: string,
  family: FamilyId,
  argv: readonly string[],
): Promise<Measurement> {
  const child = fork(entry, [`--measure=${family}`, `--server-url=${server}`, ...argv], {
    stdio: 'inherit',
  })
  return new Promise((resolve, reject) => {
    child.once('message', (m: Measurement) => resolve(m))
    child.once('exit', (code) => reject(new Error(`measuring ${family} failed (exit ${code})`)))
  })
}

/** The child's side: measures one family, sends the figures, exits. */
export async function runMeasureChild(
  families: readonly Family[],
  argv: readonly string[],
): Promise<void> {
  const value = (name: string) =>
    argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? ''
  const family = families.find((f) => f.id === value('measure'))
  if (!family) throw new Error(`no family ${value('measure')}`)
  const server = value('server-url')
  const options: BenchOptions = parseOptions(argv)
  const result: Measurement = {
    samples: await measureFamily(family, server, options.chunks, options.runs),
  }
  if (family === openai)
    result.sizes = await measureSizes(
      openai.clients.library,
      server,
      options.linearity,
      options.runs,
    )
  process.send?.(result, () => process.exit(0))
}
