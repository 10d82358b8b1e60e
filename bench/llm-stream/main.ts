import { writeFileSync } from 'node:fs'
import { anthropic } from './anthropic'
import { bedrock } from './bedrock'
import type { Family } from './family'
import { gemini } from './gemini'
import { measureInChild } from './measure-child'
import { openai } from './openai'
import { parseOptions } from './options'
import { printSummary, printTable } from './report'
import type { Samples } from './runner'
import { startServer } from './server'

export const FAMILIES: readonly Family[] = [openai, anthropic, bedrock, gemini]

/**
 * The bench itself. `entry` is the built script: forked with `--server` for the stream server
 * and with `--measure=<family>` for each family's clients, one family after the other.
 */
export async function main(entry: string, argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv)
  const server = await startServer(entry)
  try {
    console.log(
      `${options.chunks} deltas per stream; median CPU of ${options.runs} runs per client after a warm-up; one process per family`,
    )
    const samples: Samples[] = []
    let sizes: number[] = []
    for (const family of options.families) {
      const measured = await measureInChild(entry, server.url, family, argv)
      samples.push(...measured.samples)
      sizes = measured.sizes ?? sizes
    }
    if (options.samplesFile) writeFileSync(options.samplesFile, JSON.stringify({ samples, sizes }))
    printTable(samples)
    const [small, large] = options.linearity
    const [smallCpu = Number.NaN, largeCpu = Number.NaN] = sizes
    console.log(
      `openai library at ${small} deltas: ${(smallCpu / 1000).toFixed(1)} ms CPU, at ${large}: ${(largeCpu / 1000).toFixed(1)} ms`,
    )
    return printSummary(samples, largeCpu / smallCpu) ? 0 : 1
  } finally {
    server.close()
  }
}
