/**
 * The floor for the SSE families: fetch, decode UTF-8, split events at the blank line (`\n\n`,
 * or `\r\n\r\n` for Gemini), take the `data:` line and JSON.parse it. Nothing else: no event
 * names, no validation, no mapping. Returns the number of events parsed.
 */
export async function sseFloor(
  url: string,
  headers: Record<string, string>,
  body: unknown,
  separator = '\n\n',
): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  if (!response.ok || !response.body) throw new Error(`floor: HTTP ${response.status}`)
  const decoder = new TextDecoder()
  let buffer = ''
  let count = 0
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(bytes, { stream: true })
    let start = 0
    let end: number
    while ((end = buffer.indexOf(separator, start)) >= 0) {
      const data = buffer.indexOf('data: ', start)
      if (data >= 0 && data < end) {
        const text = buffer.slice(data + 6, end)
        if (text !== '[DONE]') {
          JSON.parse(text)
          count++
        }
      }
      start = end + separator.length
    }
    buffer = buffer.slice(start)
  }
  return count
}
