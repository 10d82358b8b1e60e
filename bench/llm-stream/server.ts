import { fork } from 'node:child_process'
import { listenHttp1AndH2c, writeHead } from '../../test/fakes/bedrock/dual-protocol-server'
import type { Family } from './family'

/** `/n/<deltas>/<the provider's own path>`: every client is pointed at a base URL with this prefix. */
const SIZED_PATH = /^\/n\/(\d+)(\/.*)$/

/** The base URL whose streams carry `chunks` deltas. */
export const sizedUrl = (server: string, chunks: number) => `${server}/n/${chunks}`

/**
 * The stream server, run in a child process so only client CPU is measured. One port answers
 * HTTP/1.1 (fetch, the OpenAI / Anthropic / Google SDKs) and cleartext HTTP/2 (the AWS SDK and
 * the Bedrock floor). Each family's body is built once per size and written in one piece.
 */
export async function runServer(families: readonly Family[]): Promise<void> {
  const bodies = new Map<string, Buffer>()
  const server = await listenHttp1AndH2c((req, res) => {
    const [, chunks = '', path = ''] =
      SIZED_PATH.exec(new URL(req.url ?? '/', 'http://bench').pathname) ?? []
    const family = families.find((f) => f.answers(path))
    req.resume()
    req.on('end', () => {
      if (!family) {
        writeHead(res, 404, { 'content-type': 'text/plain' })
        res.end(`no bench stream at ${req.url}`)
        return
      }
      const key = `${family.id}:${chunks}`
      let body = bodies.get(key)
      if (!body) bodies.set(key, (body = family.body(Number(chunks))))
      writeHead(res, 200, { 'content-type': family.contentType, 'cache-control': 'no-cache' })
      res.end(body)
    })
  })
  process.send?.({ url: server.url })
}

/** Forks `entry --server` and waits for its URL. */
export async function startServer(entry: string): Promise<{ url: string; close(): void }> {
  const child = fork(entry, ['--server'], { stdio: 'inherit' })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url))
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)))
  })
  return { url, close: () => child.kill() }
}
