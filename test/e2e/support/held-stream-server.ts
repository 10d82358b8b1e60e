import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface HeldStreamServer {
  /** An OpenAI-compatible base URL (`…/v1`). */
  baseURL: string
  /** Resolves once a chat request arrived and its first words were sent. */
  started: Promise<void>
  /** Sends the rest of the answer and ends the stream. */
  finish(): void
  close(): Promise<void>
}

/**
 * An OpenAI-compatible server whose one answer streams its first words at once and the rest only
 * when the test calls `finish()`, so a run stays live for as long as a test needs.
 */
export async function startHeldStreamServer(
  first: string,
  rest: string,
): Promise<HeldStreamServer> {
  let markStarted: () => void = () => {}
  const started = new Promise<void>((done) => (markStarted = done))
  let release: () => void = () => {}
  const released = new Promise<void>((done) => (release = done))
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({
      id: 'held-1',
      object: 'chat.completion.chunk',
      created: 0,
      model: 'held',
      choices: [{ index: 0, delta, finish_reason: finish }],
    })}\n\n`
  const server: Server = createServer((request, response) => {
    request.resume()
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' })
    response.write(chunk({ role: 'assistant', content: first }))
    markStarted()
    void released.then(() => {
      response.write(chunk({ content: rest }))
      response.write(chunk({}, 'stop'))
      response.end('data: [DONE]\n\n')
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    started,
    finish: release,
    close: () =>
      new Promise((done) => {
        release()
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}
