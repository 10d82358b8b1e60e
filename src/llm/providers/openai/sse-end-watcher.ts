/**
 * The openai SDK ends a stream quietly both on `data: [DONE]` and when the connection simply
 * closes, so it cannot tell a complete answer from a cut one. This wraps the fetch given to the
 * SDK and watches the raw bytes of a successful response for the `[DONE]` line.
 */
export interface SseEndWatcher {
  fetch: typeof fetch
  /** Whether a `data: [DONE]` line has arrived. */
  readonly ended: boolean
}

const DONE = Buffer.from('[DONE]')
const DATA = Buffer.from('data:')
/** Longest `\r\ndata: [DONE]` split across two reads fits in this much of each side. */
const WINDOW = 16

export function watchSseEnd(inner: typeof fetch): SseEndWatcher {
  let ended = false
  const watcher: SseEndWatcher = {
    get ended() {
      return ended
    },
    fetch: async (input, init) => {
      const response = await inner(input, init)
      if (!response.ok || !response.body) return response
      // The start of the body counts as the start of a line.
      let tail: Buffer = Buffer.from('\n')
      const body = response.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            if (!ended) {
              const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
              const seam = Buffer.concat([tail, bytes.subarray(0, WINDOW)])
              ended = hasDoneLine(bytes) || hasDoneLine(seam)
              tail = Buffer.from(
                bytes.length >= WINDOW
                  ? bytes.subarray(bytes.length - WINDOW)
                  : seam.subarray(-WINDOW),
              )
            }
            controller.enqueue(chunk)
          },
        }),
      )
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    },
  }
  return watcher
}

/** `[DONE]` as the whole data of an SSE line: a line break, `data:`, an optional space. */
function hasDoneLine(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(DONE); at >= 0; at = bytes.indexOf(DONE, at + 1)) {
    let start = at
    if (bytes[start - 1] === 0x20) start -= 1
    start -= DATA.length
    if (start < 1 || !bytes.subarray(start, start + DATA.length).equals(DATA)) continue
    const before = bytes[start - 1]
    if (before !== 0x0a && before !== 0x0d) continue
    const after = bytes[at + DONE.length]
    if (after === undefined || after === 0x0a || after === 0x0d) return true
  }
  return false
}
