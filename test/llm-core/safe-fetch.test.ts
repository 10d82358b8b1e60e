import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSafeFetch } from '../../packages/llm/src/internal/safe-fetch'

function listen(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; url: string }> {
  const server = createServer(handler)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  )
}

describe('createSafeFetch', () => {
  const seen: { where: string; headers: IncomingHttpHeaders; method?: string; body: string }[] = []
  let home: { server: Server; url: string }
  let elsewhere: { server: Server; url: string }

  beforeAll(async () => {
    elsewhere = await listen((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        seen.push({ where: 'elsewhere', headers: req.headers, method: req.method, body })
        res.end('elsewhere')
      })
    })
    home = await listen((req, res) => {
      seen.push({ where: 'home', headers: req.headers, method: req.method, body: '' })
      if (req.url === '/cross') res.writeHead(302, { location: `${elsewhere.url}/landing` }).end()
      else if (req.url === '/cross-307')
        res.writeHead(307, { location: `${elsewhere.url}/landing` }).end()
      else if (req.url === '/same') res.writeHead(301, { location: '/final' }).end()
      else res.end('home')
    })
  })
  afterAll(() => {
    home.server.close()
    elsewhere.server.close()
  })

  const credentials = {
    authorization: 'Bearer sk-test-secret-value-123456',
    'x-api-key': 'sk-ant-test-secret',
    'api-key': 'azure-secret-key',
    'x-goog-api-key': 'AIzaFakeKeyFakeKeyFakeKey',
    'x-custom': 'kept',
  }

  it('drops every credential header on a redirect to another origin', async () => {
    seen.length = 0
    const res = await createSafeFetch()(`${home.url}/cross`, { headers: credentials })
    expect(await res.text()).toBe('elsewhere')
    const landed = seen.find((s) => s.where === 'elsewhere')
    expect(landed?.headers.authorization).toBeUndefined()
    expect(landed?.headers['x-api-key']).toBeUndefined()
    expect(landed?.headers['api-key']).toBeUndefined()
    expect(landed?.headers['x-goog-api-key']).toBeUndefined()
    expect(landed?.headers['x-custom']).toBe('kept')
  })

  it('keeps the body and method on a 307, still without credentials', async () => {
    seen.length = 0
    await createSafeFetch()(`${home.url}/cross-307`, {
      method: 'POST',
      headers: credentials,
      body: '{"a":1}',
    })
    const landed = seen.find((s) => s.where === 'elsewhere')
    expect(landed).toMatchObject({ method: 'POST', body: '{"a":1}' })
    expect(landed?.headers['api-key']).toBeUndefined()
  })

  it('keeps credentials on a same-origin redirect', async () => {
    seen.length = 0
    const res = await createSafeFetch()(`${home.url}/same`, { headers: credentials })
    expect(await res.text()).toBe('home')
    expect(seen.at(-1)?.headers['x-api-key']).toBe('sk-ant-test-secret')
  })
})
