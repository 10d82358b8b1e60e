import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../src/shared/content-security-policy'

/**
 * Writes the Content-Security-Policy meta tag into index.html. A production build gets the strict
 * policy; the dev server also needs inline styles, the React refresh preamble and its websocket.
 */
export function rendererCspPlugin(): Plugin {
  let dev = false
  return {
    name: 'parallax:renderer-csp',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    transformIndexHtml() {
      // frame-ancestors is ignored in a meta tag (the hosts send it as a header instead).
      const strict = CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')
      const policy = dev
        ? strict
            .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
        : strict
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ]
    },
  }
}
