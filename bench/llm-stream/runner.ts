import type { Client, ClientRole, Family, FamilyId } from './family'
import { sizedUrl } from './server'
import { cpuMicros, median } from './stats'

export interface Samples {
  family: FamilyId
  role: ClientRole
  /** CPU µs per delta, one per run. */
  perChunk: number[]
}

/**
 * Every client of a family on streams of `chunks` deltas: one warm-up each (which also checks
 * the client saw the whole stream), then `runs` rounds, interleaved so that drift on a busy
 * machine hits every client alike.
 */
export async function measureFamily(
  family: Family,
  server: string,
  chunks: number,
  runs: number,
): Promise<Samples[]> {
  const url = sizedUrl(server, chunks)
  const entries = (Object.entries(family.clients) as [ClientRole, Client][]).map(
    ([role, client]) => ({
      client,
      samples: { family: family.id, role, perChunk: [] } as Samples,
    }),
  )
  for (const { client, samples } of entries) {
    const seen = await client(url)
    if (seen < chunks)
      throw new Error(`${samples.family} ${samples.role} saw ${seen} of ${chunks} deltas`)
  }
  for (let i = 0; i < runs; i++) {
    for (const { client, samples } of entries)
      samples.perChunk.push((await cpuMicros(() => client(url))) / chunks)
  }
  return entries.map((entry) => entry.samples)
}

/** Median CPU µs of a whole stream at each size, the sizes interleaved run by run. */
export async function measureSizes(
  client: Client,
  server: string,
  sizes: readonly number[],
  runs: number,
): Promise<number[]> {
  const totals = sizes.map((size) => ({ url: sizedUrl(server, size), cpu: [] as number[] }))
  for (const { url } of totals) await client(url)
  for (let i = 0; i < runs; i++) {
    for (const { url, cpu } of totals) cpu.push(await cpuMicros(() => client(url)))
  }
  return totals.map(({ cpu }) => median(cpu))
}
