import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandInput,
} from '@aws-sdk/client-bedrock-runtime'
import { stream } from '../../packages/llm/src/index'
import { withPadding } from '../../test/fakes/bedrock/converse-render'
import { encodeEvent } from '../../test/fakes/bedrock/event-stream'
import { eventStreamFloor } from './event-stream-floor'
import type { Family } from './family'

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const PATH = `/model/${encodeURIComponent(MODEL)}/converse-stream`
const region = 'us-east-1'
// SigV4 is not checked by the bench server; any static pair signs.
const credentials = {
  accessKeyId: 'AKIABENCHBENCHBENCH0',
  secretAccessKey: 'bench-secret-not-checked-0000000000000000',
}
const input: ConverseStreamCommandInput = {
  modelId: MODEL,
  messages: [{ role: 'user', content: [{ text: 'Stream.' }] }],
}

/**
 * ConverseStream as recorded (../shared/provider-captures/bedrock/*.eventstream): binary
 * event-stream frames with Bedrock's `p` padding field; messageStart, N contentBlockDelta,
 * contentBlockStop, messageStop, then metadata with the usage.
 */
function body(chunks: number): Buffer {
  let n = 0
  const frame = (type: string, payload: Record<string, unknown>) =>
    encodeEvent(type, withPadding(payload, n++))
  const parts = [frame('messageStart', { role: 'assistant' })]
  for (let i = 0; i < chunks; i++)
    parts.push(frame('contentBlockDelta', { contentBlockIndex: 0, delta: { text: ' token' } }))
  parts.push(frame('contentBlockStop', { contentBlockIndex: 0 }))
  parts.push(frame('messageStop', { stopReason: 'end_turn' }))
  parts.push(
    frame('metadata', {
      usage: { inputTokens: 10, outputTokens: chunks, totalTokens: chunks + 10 },
      metrics: { latencyMs: 100 },
    }),
  )
  return Buffer.concat(parts)
}

export const bedrock: Family = {
  id: 'bedrock',
  answers: (path) => path.endsWith('/converse-stream'),
  contentType: 'application/vnd.amazon.eventstream',
  body,
  clients: {
    floor: (server) => eventStreamFloor(`${server}${PATH}`, { messages: input.messages }),
    async sdk(server) {
      const client = new BedrockRuntimeClient({
        region,
        endpoint: server,
        credentials,
        maxAttempts: 1,
      })
      try {
        const response = await client.send(new ConverseStreamCommand(input))
        let count = 0
        for await (const _event of response.stream ?? []) count++
        return count
      } finally {
        client.destroy()
      }
    },
    async library(server) {
      let count = 0
      for await (const _chunk of stream(
        { model: MODEL, messages: [{ role: 'user', content: 'Stream.' }] },
        { provider: 'bedrock', region, endpoint: server, ...credentials },
      ))
        count++
      return count
    },
  },
}
