import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RpcResult } from '../../../shared/rpc-result'
import { createWebClient } from './web-client'
import { wordFailures } from './word-failures'

/** What a host answers per method, over real HTTP. */
const answers: Record<string, RpcResult<unknown>> = {
  'history.list': {
    ok: false,
    error: {
      kind: 'internal',
      message: 'history.list failed unexpectedly (incident 0a1b2c3d).',
      incident: '0a1b2c3d',
    },
  },
  'history.get': {
    ok: false,
    error: { kind: 'not_found', message: 'No conversation with id c1 in history.', field: 'id' },
  },
}

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    const method = decodeURIComponent(req.url?.split('/').pop() ?? '')
    const answer = answers[method]
    if (!answer) {
      res.writeHead(502).end('bad gateway')
      return
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  base = `http://127.0.0.1:${address.port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('wordFailures: internal failures', () => {
  it('words an internal failure in the page language, with the incident id', async () => {
    const en = wordFailures(createWebClient(base), () => 'en')
    expect(await en.invoke('history.list', {})).toEqual({
      ok: false,
      error: {
        kind: 'internal',
        incident: '0a1b2c3d',
        message:
          'Something went wrong inside Parallax (incident 0a1b2c3d). The details are in the log.',
      },
    })
    const ko = wordFailures(createWebClient(base), () => 'ko')
    const answer = await ko.invoke('history.list', {})
    expect(answer.ok ? '' : answer.error.message).toMatch(/^Parallax 내부에서 .*0a1b2c3d.*로그/)
  })

  it('leaves refusals, and failures that carry no incident, as the host or transport said', async () => {
    const client = wordFailures(createWebClient(base), () => 'en')
    expect(await client.invoke('history.get', { id: 'c1' })).toEqual(answers['history.get'])
    expect(await client.invoke('history.search', { query: 'x' })).toMatchObject({
      ok: false,
      error: { kind: 'internal', code: 'host_unreachable' },
    })
    expect(client.host).toBe('web')
  })
})
