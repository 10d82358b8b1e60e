import { isAbsolute, join, normalize, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-url'

/**
 * Maps an app:// request URL to a file inside the built renderer folder, or undefined for other
 * hosts and for anything that would escape the folder.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return undefined
  }
  if (path.includes('\0') || path.includes('\\')) return undefined
  const root = resolve(rendererDir)
  const target = resolve(root, normalize(`.${path === '/' ? '/index.html' : path}`))
  const rel = relative(root, target)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined
  return join(root, rel)
}
