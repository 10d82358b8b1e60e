import { createOpenAI } from '@ai-sdk/openai'
import { streamText } from 'ai'
import OpenAI from 'openai'
import { stream } from '../../packages/llm/src/index'
import type { Family } from './family'
import { sseFloor } from './sse-floor'

const MODEL = 'gpt-4.1-mini'
const request = { model: MODEL, messages: [{ role: 'user' as const, content: 'Stream.' }] }
const apiKey = 'sk-bench'

/** Chat Completions with `stream_options.include_usage`: a role chunk, N deltas, finish, usage, [DONE]. */
function body(chunks: number): Buffer {
  const frame = (choice: string, extra = '') =>
    `data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"${MODEL}","system_fingerprint":"fp_bench","choices":[${choice}]${extra}}\n\n`
  const parts = [
    frame(
      '{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}',
    ),
  ]
  const token = frame(
    '{"index":0,"delta":{"content":" token"},"logprobs":null,"finish_reason":null}',
  )
  for (let i = 0; i < chunks; i++) parts.push(token)
  parts.push(frame('{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}'))
  parts.push(
    frame(
      '',
      `,"usage":{"prompt_tokens":10,"completion_tokens":${chunks},"total_tokens":${chunks + 10}}`,
    ),
  )
  parts.push('data: [DONE]\n\n')
  return Buffer.from(parts.join(''))
}

export const openai: Family = {
  id: 'openai',
  answers: (path) => path.endsWith('/v1/chat/completions'),
  contentType: 'text/event-stream',
  body,
  clients: {
    floor: (server) =>
      sseFloor(
        `${server}/v1/chat/completions`,
        { authorization: `Bearer ${apiKey}` },
        { ...request, stream: true, stream_options: { include_usage: true } },
      ),
    async sdk(server) {
      const client = new OpenAI({ apiKey, baseURL: `${server}/v1`, maxRetries: 0 })
      const events = await client.chat.completions.create({
        ...request,
        stream: true,
        stream_options: { include_usage: true },
      })
      let count = 0
      for await (const _chunk of events) count++
      return count
    },
    async library(server) {
      let count = 0
      for await (const _chunk of stream(request, {
        provider: 'openai',
        apiKey,
        baseURL: `${server}/v1`,
      }))
        count++
      return count
    },
    async 'ai-sdk'(server) {
      const provider = createOpenAI({ apiKey, baseURL: `${server}/v1` })
      const result = streamText({ model: provider.chat(MODEL), prompt: 'Stream.', maxRetries: 0 })
      let count = 0
      for await (const _part of result.fullStream) count++
      return count
    },
  },
}
