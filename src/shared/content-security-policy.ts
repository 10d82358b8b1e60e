/**
 * The renderer's Content-Security-Policy, used by the Electron protocol handler, the web host's
 * response headers and the built index.html. Model output is untrusted: no inline script, no
 * eval, no remote code, no frames, no plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Network images load only after a click on each one (see the Markdown view).
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'self'",
].join('; ')
