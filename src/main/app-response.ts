import { stat } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy'
import { resolveAppFile } from './resolve-app-file'

/** Reads a `file://` URL as a response (`net.fetch` in the app). */
export type FetchFile = (fileUrl: string) => Promise<Response>

/**
 * The answer to one app:// request: the built renderer's file with the strict CSP as a header,
 * or a 404 for anything that is not a file inside the renderer folder. It always resolves to a
 * `Response`: a handler that throws (as `net.fetch` does for a missing file) makes Chromium fail
 * the request with ERR_UNEXPECTED instead.
 */
export async function respondToAppRequest(
  rendererDir: string,
  requestUrl: string,
  fetchFile: FetchFile,
): Promise<Response> {
  const file = resolveAppFile(rendererDir, requestUrl)
  if (file === undefined || !(await isFile(file))) return notFound()
  let response: Response
  try {
    response = await fetchFile(pathToFileURL(file).toString())
  } catch {
    return notFound()
  }
  const headers = new Headers(response.headers)
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  return new Response(response.body, { status: response.status, headers })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  })
}
