import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { HOST_ERROR_CODES, TRANSPORT_ERROR_CODES } from '../../src/shared/error-codes'
import type { RpcError, RpcErrorKind } from '../../src/shared/rpc-result'
import { createWebClient } from '../../src/renderer/src/host/web-client'
import { FAILURE_SENTENCES, wordFailure } from '../../src/renderer/src/host/word-failures'
import { createTranslate } from '../../src/renderer/src/i18n/i18n'
import { messagesEn } from '../../src/renderer/src/i18n/messages-en'

const en = createTranslate('en')
const ko = createTranslate('ko')
const HANGUL = /[가-힣]/

/** Every placeholder of the code's English sentence, filled, as a host would send its details. */
function detailsFor(code: string): Record<string, string> {
  const key = FAILURE_SENTENCES.get(code)
  const text = key ? messagesEn[key] : ''
  const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)
  return Object.fromEntries(names.map((name) => [name, '7']))
}

const failure = (code: string | undefined, kind: RpcErrorKind = 'invalid_input'): RpcError => ({
  kind,
  message: 'The host’s English sentence.',
  ...(code === undefined ? {} : { code, details: detailsFor(code) }),
})

describe('every code a failed call can carry is worded in English and Korean', () => {
  const codes = [...TRANSPORT_ERROR_CODES, ...HOST_ERROR_CODES]

  it('has a sentence for each code, and no other', () => {
    expect([...FAILURE_SENTENCES.keys()].sort()).toEqual([...codes].sort())
  })

  it.each(codes)('%s', (code) => {
    const english = wordFailure(failure(code), en, 'en')
    const korean = wordFailure(failure(code), ko, 'ko')
    expect(english.message).not.toBe('The host’s English sentence.')
    expect(english.message).not.toMatch(/[{}]/)
    expect(korean.message).toMatch(HANGUL)
    expect(korean.message).not.toMatch(/[{}]/)
  })

  it('finds in the core only codes from the closed set', () => {
    // The compiler already holds DomainError codes to HOST_ERROR_CODES; this also catches a code
    // written where the type is looser (an error class of a domain's own).
    const thrown = new Set<string>()
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (/(?<!\.test)\.ts$/.test(entry.name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(/\bcode: '([a-z_]+)'/g))
            thrown.add(m[1] as string)
        }
      }
    }
    walk(join(__dirname, '../../src/core'))
    expect(thrown.size).toBeGreaterThan(20)
    const known = new Set<string>(HOST_ERROR_CODES)
    expect([...thrown].filter((code) => !known.has(code))).toEqual([])
  })

  it('keeps the host’s English behind the Korean sentence, for a code it knows or not', () => {
    const known = wordFailure(failure('wrong_passphrase'), ko, 'ko')
    expect(known.message).toBe('암호 문구가 틀렸습니다. 키 보관함은 바뀌지 않았습니다.')
    expect(known.original).toBe('The host’s English sentence.')
    const unknown = wordFailure(failure('from_a_newer_host', 'not_found'), ko, 'ko')
    expect(unknown.message).toBe(ko('errors.kind.not_found'))
    expect(unknown.original).toBe('The host’s English sentence.')
    const uncoded = wordFailure(failure(undefined), ko, 'ko')
    expect(uncoded.message).toMatch(HANGUL)
    // In English the host's sentence is already the page's language.
    expect(wordFailure(failure('from_a_newer_host'), en, 'en').message).toBe(
      'The host’s English sentence.',
    )
  })

  it('shows the host’s English when a code comes without the details its sentence names', () => {
    const bare = { kind: 'invalid_input', code: 'passphrase_too_short', message: 'Too short.' }
    expect(wordFailure(bare as RpcError, en, 'en').message).toBe('Too short.')
  })
})

describe('the web client turns transport failures into coded failures', () => {
  let server: Server | undefined
  afterEach(async () => {
    await new Promise((done) => (server ? server.close(done) : done(undefined)))
    server = undefined
  })

  /** A real HTTP server answering every request with `status`, `type` and `body`. */
  async function serve(status: number, type: string, body: string): Promise<string> {
    server = createServer((_req, res) => {
      res.writeHead(status, { 'Content-Type': type })
      res.end(body)
    })
    await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  const call = (base: string) => createWebClient(base).invoke('app.info', {})

  it('a stopped host: host_unreachable, never the browser’s "Failed to fetch"', async () => {
    const base = await serve(200, 'application/json', '{}')
    await new Promise((done) => server?.close(done))
    server = undefined
    const result = await call(base)
    expect(result).toMatchObject({ ok: false, error: { code: 'host_unreachable' } })
    if (result.ok) return
    expect(result.error.message).not.toMatch(/fetch|NetworkError|ECONNREFUSED/i)
    expect(wordFailure(result.error, ko, 'ko').message).toBe(ko('errors.host_unreachable'))
    expect(wordFailure(result.error, ko, 'ko').original).toBeUndefined()
  })

  it('a 401 from the host: host_not_signed_in', async () => {
    const refusal = { ok: false, error: { kind: 'unauthorized', message: 'Missing token.' } }
    const result = await call(await serve(401, 'application/json', JSON.stringify(refusal)))
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized', code: 'host_not_signed_in', message: 'Missing token.' },
    })
  })

  it('a page that is not an answer: host_bad_answer naming the status', async () => {
    const result = await call(await serve(500, 'text/html', '<h1>Internal Server Error</h1>'))
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'host_bad_answer', details: { status: '500' } },
    })
    if (!result.ok)
      expect(wordFailure(result.error, en, 'en').message).toBe(
        en('errors.host_bad_answer', { status: '500' }),
      )
  })

  it('a proxy whose host is gone (502): host_unreachable', async () => {
    const result = await call(await serve(502, 'text/plain', 'Bad Gateway'))
    expect(result).toMatchObject({ ok: false, error: { code: 'host_unreachable' } })
  })

  it('a host’s own refusal passes through unchanged', async () => {
    const refusal = {
      ok: false,
      error: { kind: 'invalid_input', message: 'Wrong.', code: 'wrong_passphrase' },
    }
    const result = await call(await serve(400, 'application/json', JSON.stringify(refusal)))
    expect(result).toEqual(refusal)
  })
})
