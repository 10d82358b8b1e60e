import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { sendText } from './security-headers'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Maps a URL path to a file inside `root`, or undefined when it would escape it (`..`, encoded
 * separators, NUL bytes) or is malformed.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const base = resolve(root)
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const rel = relative(base, target)
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined
  return rel === '' ? join(base, 'index.html') : target
}

/** Serves the built renderer; unknown extension-less paths fall back to index.html (SPA). */
export async function serveStatic(
  root: string,
  urlPath: string,
  res: ServerResponse,
): Promise<void> {
  const file = resolveStaticPath(root, urlPath)
  if (file === undefined) return sendText(res, 400, 'Bad path.')
  const found = await fileSize(file)
  if (found !== undefined) return streamFile(res, file, found)
  if (extname(file) === '') {
    const index = join(resolve(root), 'index.html')
    const indexSize = await fileSize(index)
    if (indexSize !== undefined) return streamFile(res, index, indexSize)
    return sendText(
      res,
      503,
      'The Parallax renderer is not built yet. Run `npm run build`, then start the server again.',
    )
  }
  sendText(res, 404, 'Not found.')
}

async function fileSize(file: string): Promise<number | undefined> {
  try {
    const info = await stat(file)
    return info.isFile() ? info.size : undefined
  } catch {
    return undefined
  }
}

function streamFile(res: ServerResponse, file: string, size: number): void {
  const hashed = file.includes(`${sep}assets${sep}`)
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  })
  createReadStream(file).pipe(res)
}
