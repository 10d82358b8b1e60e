/**
 * bench:llm — CPU cost per streamed chunk of four clients on the same local stream:
 * a raw fetch + minimal SSE loop (the floor), the official `openai` SDK, this library's
 * `stream()` (which wraps that SDK) and the Vercel AI SDK. The stream server runs in a child
 * process so only client CPU is measured. Prints the ratios and a linearity check, then
 *   llm-stream: library/sdk=<a> library/raw=<b> library/ai-sdk=<c> linearity=<d>
 * and exits 1 when a target is missed.
 */
import { createOpenAI } from '@ai-sdk/openai'
import { streamText } from 'ai'
import { fork, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import OpenAI from 'openai'
import { stream } from '../packages/llm/src/index'

const MODEL = 'gpt-4.1-mini'
const TARGETS = { librarySdk: 1.2, libraryAiSdk: 0.5, linearity: 11 }

// ---------------------------------------------------------------------------------------------
// The stream server (child process): serves N chunks from one pre-built buffer.

function sseBody(chunks: number): Buffer {
  const frame = (choice: string, extra = '') =>
    `data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"${MODEL}","system_fingerprint":"fp_bench","choices":[${choice}]${extra}}\n\n`
  const parts = [
    frame(
      '{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}',
    ),
  ]
  const token = frame(
    '{"index":0,"delta":{"content":" token"},"logprobs":null,"finish_reason":null}',
  )
  for (let i = 0; i < chunks; i++) parts.push(token)
  parts.push(frame('{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}'))
  parts.push(
    frame(
      '',
      `,"usage":{"prompt_tokens":10,"completion_tokens":${chunks},"total_tokens":${chunks + 10}}`,
    ),
  )
  parts.push('data: [DONE]\n\n')
  return Buffer.from(parts.join(''))
}

function runServer(): void {
  const bodies = new Map<number, Buffer>()
  const server = createServer((req, res) => {
    const chunks =
      Number(new URL(req.url ?? '/', 'http://x').searchParams.get('chunks') ?? 0) || currentChunks
    req.resume()
    req.on('end', () => {
      let body = bodies.get(chunks)
      if (!body) bodies.set(chunks, (body = sseBody(chunks)))
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      res.end(body)
    })
  })
  let currentChunks = 1000
  process.on('message', (message: { chunks: number }) => {
    currentChunks = message.chunks
    process.send?.({ ready: true })
  })
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.address() as AddressInfo).port }),
  )
}

// ---------------------------------------------------------------------------------------------
// Clients

type Client = (baseURL: string) => Promise<number>

const request = { model: MODEL, messages: [{ role: 'user' as const, content: 'Stream.' }] }

const raw: Client = async (baseURL) => {
  const response = await fetch(`${baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
    body: JSON.stringify({ ...request, stream: true }),
  })
  const decoder = new TextDecoder()
  let buffer = ''
  let count = 0
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = frame.startsWith('data: ') ? frame.slice(6) : ''
      if (data && data !== '[DONE]') {
        JSON.parse(data)
        count++
      }
    }
  }
  return count
}

const sdk: Client = async (baseURL) => {
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL, maxRetries: 0 })
  const events = await client.chat.completions.create({
    ...request,
    stream: true,
    stream_options: { include_usage: true },
  })
  let count = 0
  for await (const _chunk of events) count++
  return count
}

const library: Client = async (baseURL) => {
  let count = 0
  for await (const _chunk of stream(request, { provider: 'openai', apiKey: 'sk-bench', baseURL }))
    count++
  return count
}

const aiSdk: Client = async (baseURL) => {
  const openai = createOpenAI({ apiKey: 'sk-bench', baseURL })
  const result = streamText({ model: openai.chat(MODEL), prompt: 'Stream.', maxRetries: 0 })
  let count = 0
  for await (const _part of result.fullStream) count++
  return count
}

// ---------------------------------------------------------------------------------------------

async function cpuMicros(run: () => Promise<number>): Promise<number> {
  ;(globalThis as { gc?: () => void }).gc?.()
  const before = process.cpuUsage()
  await run()
  const used = process.cpuUsage(before)
  return used.user + used.system
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ['--server'], {
    stdio: 'inherit',
  })
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m: { port: number }) => resolve(m.port)),
  )
  const baseURL = `http://127.0.0.1:${port}/v1`
  const setChunks = (chunks: number) =>
    new Promise<void>((resolve) => {
      child.once('message', () => resolve())
      child.send({ chunks })
    })

  try {
    const chunks = Number(process.env.BENCH_CHUNKS ?? 20_000)
    const runs = Number(process.env.BENCH_RUNS ?? 7)
    await setChunks(chunks)
    const clients: [string, Client][] = [
      ['raw', raw],
      ['sdk', sdk],
      ['library', library],
      ['ai-sdk', aiSdk],
    ]
    const perChunk: Record<string, number> = {}
    for (const [, client] of clients) await client(baseURL) // warm-up
    const samples: Record<string, number[]> = {}
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drift on a busy machine hits every client alike.
      for (const [name, client] of clients)
        (samples[name] ??= []).push(await cpuMicros(() => client(baseURL)))
    }
    for (const [name] of clients) {
      perChunk[name] = median(samples[name] ?? []) / chunks
      console.log(`${name.padEnd(8)} ${(perChunk[name] ?? 0).toFixed(2)} µs CPU per chunk`)
    }

    const linearity: number[] = []
    for (const size of [1_000, 10_000, 100_000]) {
      await setChunks(size)
      await library(baseURL)
      const values: number[] = []
      for (let i = 0; i < 3; i++) values.push(await cpuMicros(() => library(baseURL)))
      linearity.push(median(values))
      console.log(`library at ${size} chunks: ${(median(values) / 1000).toFixed(1)} ms CPU`)
    }

    const librarySdk = (perChunk.library ?? 0) / (perChunk.sdk ?? 1)
    const libraryRaw = (perChunk.library ?? 0) / (perChunk.raw ?? 1)
    const libraryAi = (perChunk.library ?? 0) / (perChunk['ai-sdk'] ?? 1)
    const linear = (linearity[2] ?? 0) / (linearity[1] ?? 1)
    console.log(
      `sdk/raw=${((perChunk.sdk ?? 0) / (perChunk.raw ?? 1)).toFixed(2)} ai-sdk/raw=${((perChunk['ai-sdk'] ?? 0) / (perChunk.raw ?? 1)).toFixed(2)}`,
    )
    const missed = [
      librarySdk > TARGETS.librarySdk &&
        `library/sdk ${librarySdk.toFixed(2)} > ${TARGETS.librarySdk}`,
      libraryAi > TARGETS.libraryAiSdk &&
        `library/ai-sdk ${libraryAi.toFixed(2)} > ${TARGETS.libraryAiSdk}`,
      linear > TARGETS.linearity && `linearity ${linear.toFixed(2)} > ${TARGETS.linearity}`,
    ].filter(Boolean)
    if (missed.length) console.log(`targets missed: ${missed.join('; ')}`)
    console.log(
      `llm-stream: library/sdk=${librarySdk.toFixed(2)} library/raw=${libraryRaw.toFixed(2)} library/ai-sdk=${libraryAi.toFixed(2)} linearity=${linear.toFixed(2)}`,
    )
    process.exitCode = missed.length ? 1 : 0
  } finally {
    child.kill()
  }
}

if (process.argv.includes('--server')) runServer()
else void main()
