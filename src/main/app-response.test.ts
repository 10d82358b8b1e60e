import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import { respondToAppRequest, type FetchFile } from './app-response'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parallax-renderer-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Parallax</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

// What net.fetch does with a file:// URL: the bytes, or a rejection for a missing file.
const fetchFile: FetchFile = async (fileUrl) =>
  new Response(readFileSync(fileURLToPath(fileUrl)), {
    headers: { 'Content-Type': fileUrl.endsWith('.js') ? 'text/javascript' : 'text/html' },
  })

describe('respondToAppRequest', () => {
  it('serves renderer files with the CSP and nosniff headers', async () => {
    const page = await respondToAppRequest(root, 'app://parallax/', fetchFile)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Parallax</title>')
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff')
    const script = await respondToAppRequest(root, 'app://parallax/assets/app.js', fetchFile)
    expect(script.headers.get('Content-Type')).toBe('text/javascript')
  })

  it('answers 404, never throws, for a missing file, a folder, another host or an escape', async () => {
    for (const url of [
      'app://parallax/assets/missing.js',
      'app://parallax/assets',
      'app://parallax/assets/',
      'app://other/index.html',
      'app://parallax/..%2f..%2fetc%2fpasswd',
    ]) {
      const response = await respondToAppRequest(root, url, fetchFile)
      expect(response.status, url).toBe(404)
    }
  })

  it('answers 404 when reading fails after the check (the file went away)', async () => {
    const failing: FetchFile = () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND'))
    const response = await respondToAppRequest(root, 'app://parallax/index.html', failing)
    expect(response.status).toBe(404)
  })
})
