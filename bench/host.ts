/**
 * bench:host — starts the real web host (in-process, over a real core in a temporary data
 * folder), measures its memory idle, then opens 20 event-stream readers that stop reading plus one
 * that reads (in a child process, as browsers would be), and pushes several 10 MB events through
 * the host's event hub. Measures the peak
 * memory growth while the readers are stalled and how long `app.info` takes to answer meanwhile.
 * Prints the details, then
 *   host: idle_mb=<n> stalled_growth_mb=<n> app_info_ms=<n>
 * and exits 1 when a target is missed. `--readers N --events N --event-mb N` change the load.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { fork } from 'node:child_process'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore } from '../src/core/create-core'
import { createEventHub } from '../src/server/event-hub'
import { startWebHost } from '../src/server/web-host'
import { createDispatcher } from '../src/shared/dispatch'

const TARGETS = { growthMb: 150, appInfoMs: 1000 }
const MB = 1024 * 1024

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`)
  return value
}

const gc = (globalThis as { gc?: () => void }).gc
const rssMb = () => process.memoryUsage().rss / MB
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Reader {
  received(): number
  destroy(): void
}

interface Target {
  port: number
  token: string
}

/** An /api/events client; a stalled one stops reading after the first bytes and never resumes. */
function openReader(target: Target, stall: boolean, onData?: (bytes: number) => void) {
  return new Promise<Reader>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: target.port,
      path: '/api/events',
      headers: { Authorization: `Bearer ${target.token}` },
    })
    req.once('error', reject)
    req.on('response', (res) => {
      let bytes = 0
      res.on('error', () => {})
      res.once('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (stall) {
          res.pause()
          res.socket.pause()
        } else {
          res.on('data', (more: Buffer) => {
            bytes += more.length
            onData?.(bytes)
          })
        }
        req.on('error', () => {})
        resolve({ received: () => bytes, destroy: () => req.destroy() })
      })
    })
    req.end()
  })
}

/** The child process: the readers, reporting what the reading one received. */
async function runReaders(): Promise<void> {
  const [port, token, count] = process.argv.slice(process.argv.indexOf('--readers-child') + 1)
  const target = { port: Number(port), token: token ?? '' }
  for (let i = 0; i < Number(count); i++) await openReader(target, true)
  const reading = await openReader(target, false, (bytes) => process.send?.({ received: bytes }))
  process.send?.({ ready: true, received: reading.received() })
}

async function appInfoMs(host: { origin: string; token: string }): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${host.origin}/api/rpc/app.info`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: '{}',
  })
  const body = (await response.json()) as { ok: boolean }
  if (!body.ok) throw new Error('app.info failed')
  return performance.now() - started
}

async function main(): Promise<number> {
  const readerCount = Math.round(argument('readers', 20))
  const eventCount = Math.round(argument('events', 5))
  const eventBytes = Math.round(argument('event-mb', 10) * MB)
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-host-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  const hub = createEventHub()
  const core = await openCore({
    version: 'bench',
    host: 'web',
    dataDir: join(dir, 'data'),
    emit: hub.emit,
    vaultKey: { keyFile: join(dir, 'data', 'vault.key') },
  })
  const host = await startWebHost({ dispatch: createDispatcher(core.handlers), hub, rendererDir })
  const child = fork(new URL(import.meta.url).pathname, [
    '--readers-child',
    String(host.port),
    host.token,
    String(readerCount),
  ])
  let received = 0
  const ready = new Promise<void>((resolve) =>
    child.on('message', (message: { ready?: boolean; received?: number }) => {
      received = Math.max(received, message.received ?? 0)
      if (message.ready) resolve()
    }),
  )
  try {
    await appInfoMs(host)
    gc?.()
    await sleep(200)
    const idle = rssMb()
    console.log(
      `idle: ${idle.toFixed(1)} MB RSS${gc ? '' : ' (run with --expose-gc for steadier numbers)'}`,
    )

    await ready
    console.log(`${readerCount} stalled readers + 1 reading reader connected (child process)`)
    const connected = host.eventStreamStats().clients

    let peak = rssMb()
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5)
    const infoTimes: number[] = []
    let expected = received
    for (let i = 0; i < eventCount; i++) {
      const info = appInfoMs(host)
      hub.emit('app.notice', {
        level: 'info',
        code: 'data.copied',
        at: Date.now(),
        detail: `bench-${i}-`.padEnd(eventBytes, 'x'),
      })
      expected += eventBytes
      infoTimes.push(await info)
      const deadline = Date.now() + 30_000
      while (received < expected && Date.now() < deadline) await sleep(5)
      peak = Math.max(peak, rssMb())
    }
    // And once more while everything the host still holds is queued.
    infoTimes.push(await appInfoMs(host))
    clearInterval(sampler)
    peak = Math.max(peak, rssMb())

    const stats = host.eventStreamStats()
    const growth = Math.max(0, peak - idle)
    const appInfo = Math.max(...infoTimes)
    console.log(
      `${eventCount} events of ${(eventBytes / MB).toFixed(0)} MB: the reading reader got ` +
        `${(received / MB).toFixed(1)} MB; of ${connected} clients the host dropped ` +
        `${stats.dropped} for not reading, ${stats.clients} still connected; replay buffer ` +
        `${stats.replayEvents} frame(s), ${(stats.replayBytes / MB).toFixed(1)} MB`,
    )
    console.log(
      `peak RSS ${peak.toFixed(1)} MB; app.info ${infoTimes.map((t) => t.toFixed(1)).join(', ')} ms`,
    )
    const missed: string[] = []
    if (growth > TARGETS.growthMb)
      missed.push(`stalled growth ${growth.toFixed(0)} MB > ${TARGETS.growthMb}`)
    if (appInfo >= TARGETS.appInfoMs)
      missed.push(`app.info ${appInfo.toFixed(0)} ms ≥ ${TARGETS.appInfoMs}`)
    if (received < expected) missed.push('the reading reader did not get every event')
    if (missed.length) console.log(`targets missed: ${missed.join('; ')}`)
    console.log(
      `host: idle_mb=${idle.toFixed(0)} stalled_growth_mb=${growth.toFixed(0)} app_info_ms=${appInfo.toFixed(0)}`,
    )
    return missed.length ? 1 : 0
  } finally {
    child.kill()
    await host.close()
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv.includes('--readers-child')) void runReaders()
else
  main().then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    },
  )
