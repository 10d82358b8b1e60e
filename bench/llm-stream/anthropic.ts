import Anthropic from '@anthropic-ai/sdk'
import { stream } from '../../packages/llm/src/index'
import type { Family } from './family'
import { sseFloor } from './sse-floor'

const MODEL = 'claude-sonnet-5-5'
const apiKey = 'sk-ant-bench'
const messages = [{ role: 'user' as const, content: 'Stream.' }]

/**
 * Messages API streaming as recorded (../shared/provider-captures/anthropic/*.sse): `event:` and
 * `data:` lines; message_start, content_block_start, a ping, N text deltas, content_block_stop,
 * message_delta with the output usage, message_stop.
 */
function body(chunks: number): Buffer {
  const event = (type: string, data: string) => `event: ${type}\ndata: ${data}\n\n`
  const parts = [
    event(
      'message_start',
      `{"type":"message_start","message":{"model":"${MODEL}","id":"msg_bench","type":"message","role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1,"service_tier":"standard"}}}`,
    ),
    event(
      'content_block_start',
      '{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
    ),
    event('ping', '{"type": "ping"}'),
  ]
  const token = event(
    'content_block_delta',
    '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" token"}}',
  )
  for (let i = 0; i < chunks; i++) parts.push(token)
  parts.push(event('content_block_stop', '{"type":"content_block_stop","index":0}'))
  parts.push(
    event(
      'message_delta',
      `{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"input_tokens":10,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":${chunks}}}`,
    ),
  )
  parts.push(event('message_stop', '{"type":"message_stop"}'))
  return Buffer.from(parts.join(''))
}

export const anthropic: Family = {
  id: 'anthropic',
  answers: (path) => path.endsWith('/v1/messages'),
  contentType: 'text/event-stream; charset=utf-8',
  body,
  clients: {
    floor: (server) =>
      sseFloor(
        `${server}/v1/messages`,
        { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' },
        { model: MODEL, max_tokens: 1024, messages, stream: true },
      ),
    async sdk(server) {
      const client = new Anthropic({ apiKey, baseURL: server, maxRetries: 0 })
      const events = await client.messages.create({
        model: MODEL,
        max_tokens: 1024,
        messages,
        stream: true,
      })
      let count = 0
      for await (const _event of events) count++
      return count
    },
    async library(server) {
      let count = 0
      for await (const _chunk of stream(
        { model: MODEL, messages },
        { provider: 'anthropic', apiKey, baseURL: server },
      ))
        count++
      return count
    },
  },
}
