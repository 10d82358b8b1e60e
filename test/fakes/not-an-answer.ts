import type { ServerResponse } from 'node:http'
import type { Http2ServerResponse } from 'node:http2'

/**
 * What something between the client and the provider (a proxy, a captive portal, a gateway) may
 * answer 200 with instead of the API's answer: its sign-in page, its own error in the API's JSON
 * shape, or nothing at all.
 */
export type NotAnAnswer = 'login_page' | 'json_error' | 'empty'

export const LOGIN_PAGE_TEXT = 'Sign in to the corporate proxy'

const LOGIN_PAGE =
  '<!doctype html>\n<html><head><title>Sign in</title>\n<style>body { font: 14px sans-serif }</style></head>\n' +
  `<body>\n  <h1>${LOGIN_PAGE_TEXT}</h1>\n\n  <form method="post"><input name="user"></form>\n</body></html>\n`

export const GATEWAY_MESSAGE = 'The gateway in front of the model failed'

/**
 * Answers 200 with `kind`: the sign-in page as text/html, `jsonError` (the provider's own error
 * body, carrying GATEWAY_MESSAGE) as application/json, or an empty body typed as the API's own
 * answer (`answerType`).
 */
export function sendNotAnAnswer(
  res: ServerResponse | Http2ServerResponse,
  kind: NotAnAnswer,
  jsonError: unknown,
  answerType: string,
): void {
  const [type, body] =
    kind === 'login_page'
      ? ['text/html; charset=utf-8', LOGIN_PAGE]
      : kind === 'json_error'
        ? ['application/json', JSON.stringify(jsonError)]
        : [answerType, '']
  ;(res as ServerResponse).writeHead(200, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}
