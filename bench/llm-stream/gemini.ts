import { GoogleGenAI } from '@google/genai'
import { stream } from '../../packages/llm/src/index'
import type { Family } from './family'
import { sseFloor } from './sse-floor'

const MODEL = 'gemini-2.5-flash'
const apiKey = 'AIzaSyBenchBenchBenchBenchBenchBench00'

/**
 * `streamGenerateContent?alt=sse` as recorded (../shared/provider-captures/gemini/*.sse): events
 * separated by CRLF pairs, each a GenerateContentResponse carrying the prompt's usage; the last
 * one adds the finish reason and the candidates' token count.
 */
function body(chunks: number): Buffer {
  const event = (candidate: string, usage: string) =>
    `data: {"candidates": [${candidate}],"usageMetadata": ${usage},"modelVersion": "${MODEL}","responseId": "benchResponseId0001"}\r\n\r\n`
  const promptUsage = '{"promptTokenCount": 10,"totalTokenCount": 10}'
  const token = event(
    '{"content": {"parts": [{"text": " token"}],"role": "model"},"index": 0}',
    promptUsage,
  )
  const parts: string[] = []
  for (let i = 0; i < chunks; i++) parts.push(token)
  parts.push(
    event(
      '{"content": {"parts": [{"text": ""}],"role": "model"},"finishReason": "STOP","index": 0}',
      `{"promptTokenCount": 10,"candidatesTokenCount": ${chunks},"totalTokenCount": ${chunks + 10}}`,
    ),
  )
  return Buffer.from(parts.join(''))
}

export const gemini: Family = {
  id: 'gemini',
  answers: (path) => path.endsWith(':streamGenerateContent'),
  contentType: 'text/event-stream',
  body,
  clients: {
    floor: (server) =>
      sseFloor(
        `${server}/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`,
        { 'x-goog-api-key': apiKey },
        { contents: [{ role: 'user', parts: [{ text: 'Stream.' }] }] },
        '\r\n\r\n',
      ),
    async sdk(server) {
      const client = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: server } })
      const events = await client.models.generateContentStream({
        model: MODEL,
        contents: 'Stream.',
      })
      let count = 0
      for await (const _response of events) count++
      return count
    },
    async library(server) {
      let count = 0
      for await (const _chunk of stream(
        { model: MODEL, messages: [{ role: 'user', content: 'Stream.' }] },
        { provider: 'gemini', apiKey, baseURL: server },
      ))
        count++
      return count
    },
  },
}
