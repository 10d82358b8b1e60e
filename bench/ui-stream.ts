/**
 * bench:ui — the real UI in Chromium through the web host: a comparison of 4 columns, each
 * streaming a long Markdown answer with code blocks from the OpenAI fake at 200 tokens/s.
 * Records long tasks (> 50 ms) after the first paint, the p95 interval between animation frames
 * while streaming, and the renderer's time per flush of streamed text (store + React render and
 * commit) in the first vs the last 10% of the stream; and the initial JavaScript's gzipped size.
 * Last line:
 *   ui-stream: longtasks=<n> p95_frame_ms=<x> tail_ratio=<y> initial_js_kb=<z>
 * Exits 1 when a target is missed. `--tokens N` streams N tokens per column (default 20000);
 * `--profile FILE` saves a CPU profile of the renderer; `--trace FILE` a Chrome performance trace.
 */
import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../test/fakes/openai/openai-fake'

const TARGETS = { longTasks: 0, p95FrameMs: 33, tailRatio: 2, initialJsKb: 450 }
const MODELS = ['gpt-5.4', 'gpt-5.4-mini', 'gpt-4.1-mini', 'gpt-4o-mini']
const TOKENS_PER_SECOND = 200
const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
]

function parseProfile(argv: string[]): string | undefined {
  const at = argv.indexOf('--profile')
  return at < 0 ? undefined : argv[at + 1]
}

function parseTrace(argv: string[]): string | undefined {
  const at = argv.indexOf('--trace')
  return at < 0 ? undefined : argv[at + 1]
}

function parseTokens(argv: string[]): number {
  const at = argv.indexOf('--tokens')
  if (at < 0) return 20_000
  const value = Number(argv[at + 1])
  if (!Number.isInteger(value) || value < 200)
    throw new Error('--tokens needs a whole number ≥ 200')
  return value
}

/** A long answer in ~4-character tokens: paragraphs, lists and fenced code, like a real one. */
function answerTokens(count: number, seed: number): string[] {
  const words = [
    'stream',
    'latency',
    'token',
    'model',
    'provider',
    'cache',
    'context',
    'window',
    'budget',
    'render',
    'parser',
    'column',
    'compare',
    'output',
    'request',
    'batch',
    'retry',
    'schema',
  ]
  const code = [
    '```ts\n',
    'export async function run(input: string): Promise<number> {\n',
    '  const started = performance.now()\n',
    '  for (const part of input.split(" ")) await handle(part)\n',
    '  return performance.now() - started\n',
    '}\n',
    '```\n\n',
  ]
  const tokens: string[] = []
  let i = seed
  while (tokens.length < count) {
    const block = i % 5
    if (block === 3) {
      for (const line of code) tokens.push(...(line.match(/[\s\S]{1,4}/g) ?? []))
    } else {
      const sentenceCount = 3 + (i % 3)
      const prefix = block === 1 ? '- ' : ''
      for (let s = 0; s < sentenceCount; s++) {
        tokens.push(prefix)
        for (let w = 0; w < 10; w++) tokens.push(`${words[(i * 7 + s * 3 + w) % words.length]} `)
        tokens.push(block === 1 ? '\n' : '. ')
      }
      tokens.push('\n\n')
    }
    i++
  }
  return tokens.slice(0, count)
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function median(values: number[]): number {
  return percentile(values, 50)
}

function initialJsKb(): number {
  const html = readFileSync(resolve('out/renderer/index.html'), 'utf8')
  const scripts = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1] ?? '')
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g)]
  let bytes = 0
  for (const file of [...scripts, ...preloads.map((m) => m[1] ?? '')]) {
    bytes += gzipSync(readFileSync(resolve('out/renderer', file))).length
  }
  return bytes / 1024
}

async function startServer(
  dataDir: string,
): Promise<{ url: string; origin: string; token: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    [resolve('out/server/cli.js'), '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const line = await new Promise<string>((resolveLine, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const match = /Parallax is running at (\S+)/.exec(buffer)
      if (match) resolveLine(match[1] ?? '')
    })
    child.on('exit', (code) => reject(new Error(`the web host exited (${code})`)))
  })
  const url = new URL(line)
  return {
    url: line,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    stop: () => child.kill('SIGTERM'),
  }
}

async function main(): Promise<void> {
  const tokens = parseTokens(process.argv.slice(2))
  if (!existsSync(resolve('out/renderer/index.html'))) throw new Error('Run `npm run build` first.')
  const chrome =
    process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync)
  if (!chrome) throw new Error('No Chrome or Chromium found: install one, or set CHROME_PATH.')

  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-bench-ui-'))
  const fake = await startOpenAIFake({ splitFrames: false })
  const server = await startServer(dataDir)
  const browser = await chromium.launch({ executablePath: chrome, args: CHROME_ARGS })
  try {
    const rpc = async (method: string, input: unknown) => {
      const response = await fetch(`${server.origin}/api/rpc/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
      const result = (await response.json()) as { ok: boolean; value: { id: string } }
      if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result)}`)
      return result.value
    }
    await rpc('connections.create', {
      provider: 'openai',
      label: 'Bench',
      fields: { apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
    })
    for (const [index] of MODELS.entries()) {
      fake.enqueue({
        text: answerTokens(tokens, index),
        delayMs: 1000 / TOKENS_PER_SECOND,
        usage: { input: 20, output: tokens },
      })
    }

    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.addInitScript(() => {
      const w = window as unknown as {
        __parallaxBench: { flushes: { at: number; ms: number }[] }
        __frames: number[]
        __longTasks: { at: number; ms: number }[]
      }
      w.__parallaxBench = { flushes: [] }
      w.__frames = []
      w.__longTasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__longTasks.push({ at: entry.startTime, ms: entry.duration })
        }
      }).observe({ type: 'longtask', buffered: true })
      const tick = (t: number) => {
        w.__frames.push(t)
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    await page.goto(`${server.url}#/compare`)
    for (const [index, model] of MODELS.entries()) {
      if (index >= 2) await page.getByTestId('add-column').click()
      await page.getByTestId(`column-model-${index + 1}`).click()
      await page.locator(`[data-testid="model-option"][data-model="${model}"]`).first().click()
    }
    // `--profile FILE` writes a Chrome CPU profile of the streaming (open it in DevTools).
    const profileFile = parseProfile(process.argv.slice(2))
    const cdp = profileFile ? await page.context().newCDPSession(page) : undefined
    await cdp?.send('Profiler.enable')
    await cdp?.send('Profiler.start')
    // `--trace FILE` writes a Chrome performance trace (style, layout, paint, GC and JS per task).
    const traceFile = parseTrace(process.argv.slice(2))
    if (traceFile)
      await browser.startTracing(page, {
        path: traceFile,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'v8',
          'v8.execute',
          'blink.user_timing',
          'loading',
        ],
      })
    const input = page.getByTestId('prompt-input')
    await input.fill('Write a long technical answer with code.')
    const sentAt = await page.evaluate(() => performance.now())
    await input.press('Enter')
    await page.locator('[data-testid="run-card"][data-status="streaming"]').first().waitFor()
    const expectedSeconds = tokens / TOKENS_PER_SECOND
    process.stdout.write(
      `streaming ${MODELS.length} × ${tokens} tokens (~${Math.round(expectedSeconds)} s)…\n`,
    )
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('[data-testid="run-card"][data-status="done"]').length === count,
      MODELS.length,
      { timeout: (expectedSeconds * 3 + 60) * 1000, polling: 1000 },
    )
    if (traceFile) await browser.stopTracing()
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop')
      writeFileSync(profileFile, JSON.stringify(profile))
    }
    const data = await page.evaluate(() => {
      const w = window as unknown as {
        __parallaxBench: { flushes: { at: number; ms: number }[] }
        __frames: number[]
        __longTasks: { at: number; ms: number }[]
      }
      return { flushes: w.__parallaxBench.flushes, frames: w.__frames, longTasks: w.__longTasks }
    })
    const answerLength = await page
      .getByTestId('run-answer')
      .first()
      .evaluate((el) => el.textContent?.length ?? 0)

    const first = data.flushes[0]?.at ?? sentAt
    const last = data.flushes.at(-1)?.at ?? first
    const span = last - first
    const frames = data.frames.filter((t) => t >= first && t <= last)
    const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number))
    const head = data.flushes.filter((f) => f.at <= first + span * 0.1).map((f) => f.ms)
    const tail = data.flushes.filter((f) => f.at >= last - span * 0.1).map((f) => f.ms)
    const longTasks = data.longTasks.filter((task) => task.at >= first)
    const result = {
      longTasks: longTasks.length,
      p95FrameMs: percentile(intervals, 95),
      tailRatio: median(tail) / Math.max(median(head), 0.01),
      initialJsKb: initialJsKb(),
    }
    process.stdout.write(
      [
        `flushes: ${data.flushes.length} (first 10%: ${head.length}, median ${median(head).toFixed(2)} ms; last 10%: ${tail.length}, median ${median(tail).toFixed(2)} ms)`,
        `flushes over 50 ms: ${data.flushes.filter((f) => f.ms > 50).length} (slowest ${Math.max(0, ...data.flushes.map((f) => f.ms)).toFixed(0)} ms)`,
        `frames while streaming: ${frames.length}, p50 ${percentile(intervals, 50).toFixed(1)} ms, p95 ${result.p95FrameMs.toFixed(1)} ms`,
        `long tasks after first paint: ${longTasks.map((t) => `${t.ms.toFixed(0)} ms at +${((t.at - first) / 1000).toFixed(1)} s`).join(', ') || 'none'}`,
        `first column rendered ${answerLength} characters`,
        '',
      ].join('\n'),
    )
    process.stdout.write(
      `ui-stream: longtasks=${result.longTasks} p95_frame_ms=${result.p95FrameMs.toFixed(1)} tail_ratio=${result.tailRatio.toFixed(2)} initial_js_kb=${result.initialJsKb.toFixed(1)}\n`,
    )
    const missed =
      result.longTasks > TARGETS.longTasks ||
      result.p95FrameMs > TARGETS.p95FrameMs ||
      result.tailRatio > TARGETS.tailRatio ||
      result.initialJsKb > TARGETS.initialJsKb
    if (missed) process.exitCode = 1
  } finally {
    await browser.close()
    server.stop()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ui: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
