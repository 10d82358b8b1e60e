import type { ServerResponse } from 'node:http'
import type { FakeScript } from '../fake-script'
import { sleep } from '../script-queue'
import type { SseWriter } from '../sse-writer'
import { anthropicStreamErrorEvent } from './anthropic-errors'
import { anthropicCitations } from './anthropic-facts'
import { FAKE_SIGNATURE, messageId, stopReasonOf, toolUseId, usageOf } from './anthropic-message'

type Outcome = 'cut' | 'stall' | 'error' | undefined

/**
 * Streams a script as Anthropic does (see the recorded `.sse` captures): `message_start` with
 * the input usage, one content block per thinking/text/tool call (a `ping` after the first
 * block starts), `message_delta` with the stop reason and output usage, then `message_stop`.
 */
export async function writeAnthropicStream(
  sse: SseWriter,
  res: ServerResponse,
  script: FakeScript,
  model: string,
): Promise<void> {
  let contentEvents = 0
  const send = async (type: string, data: Record<string, unknown>): Promise<void> => {
    if (script.delayMs) await sleep(script.delayMs)
    await sse.event(JSON.stringify({ type, ...data }), type)
  }
  /** A content delta, after which a script may cut, stall or fail the stream. */
  const content = async (data: Record<string, unknown>): Promise<Outcome> => {
    await send('content_block_delta', data)
    contentEvents++
    if (script.cutAfterEvents !== undefined && contentEvents >= script.cutAfterEvents) return 'cut'
    if (script.stallAfterEvents !== undefined && contentEvents >= script.stallAfterEvents)
      return 'stall'
    if (script.errorEventAfterEvents !== undefined && contentEvents >= script.errorEventAfterEvents)
      return 'error'
    return undefined
  }

  const usage = usageOf(script)
  await send('message_start', {
    message: {
      model,
      id: messageId(),
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      usage: { ...usage, output_tokens: 1, output_tokens_details: undefined },
    },
  })

  let index = 0
  let pinged = false
  const start = async (block: Record<string, unknown>): Promise<void> => {
    await send('content_block_start', { index, content_block: block })
    if (!pinged) {
      pinged = true
      await sse.event('{"type": "ping"}', 'ping')
    }
  }

  const outcome = await (async (): Promise<Outcome> => {
    if (script.reasoning?.length) {
      await start({ type: 'thinking', thinking: '', signature: '' })
      for (const thinking of script.reasoning) {
        const result = await content({ index, delta: { type: 'thinking_delta', thinking } })
        if (result) return result
      }
      await send('content_block_delta', {
        index,
        delta: { type: 'signature_delta', signature: FAKE_SIGNATURE },
      })
      await send('content_block_stop', { index })
      index++
    }
    if (script.text?.length) {
      await start({ type: 'text', text: '' })
      for (const citation of anthropicCitations(script))
        await send('content_block_delta', { index, delta: { type: 'citations_delta', citation } })
      for (const text of script.text) {
        const result = await content({ index, delta: { type: 'text_delta', text } })
        if (result) return result
      }
      await send('content_block_stop', { index })
      index++
    }
    for (const [position, call] of (script.toolCalls ?? []).entries()) {
      await start({
        type: 'tool_use',
        id: toolUseId(script, position),
        name: call.name,
        input: {},
        caller: { type: 'direct' },
      })
      await send('content_block_delta', {
        index,
        delta: { type: 'input_json_delta', partial_json: '' },
      })
      for (const partial_json of call.argumentFragments) {
        const result = await content({ index, delta: { type: 'input_json_delta', partial_json } })
        if (result) return result
      }
      await send('content_block_stop', { index })
      index++
    }
    return undefined
  })()

  if (outcome === 'cut') {
    // Let what was written reach the client before the connection drops.
    for (let i = 0; i < 50 && (res.socket?.writableLength ?? 0) > 0; i++) await sleep(2)
    await sleep(5)
    return sse.cut()
  }
  if (outcome === 'stall') return // keep the connection open, send nothing more
  if (outcome === 'error') {
    await sse.event(anthropicStreamErrorEvent(), 'error')
    return sse.end()
  }

  const {
    input_tokens,
    cache_creation_input_tokens,
    cache_read_input_tokens,
    output_tokens,
    output_tokens_details,
  } = usage
  await send('message_delta', {
    delta: { stop_reason: stopReasonOf(script), stop_sequence: null, stop_details: null },
    usage: {
      input_tokens,
      cache_creation_input_tokens,
      cache_read_input_tokens,
      output_tokens,
      ...(output_tokens_details ? { output_tokens_details } : {}),
    },
  })
  await send('message_stop', {})
  sse.end()
}
