import { streamEndedEarlyError } from '../../../packages/llm/src/internal/provider-kit/stream-ended-early-error'
import {
  eventTooLargeError,
  STREAM_EVENT_LIMITS,
} from '../../../packages/llm/src/internal/stream-event-limit'
import type { CallContext } from '../../../packages/llm/src/provider-plugin'
import { SseEventReader } from '../../../packages/llm/src/internal/sse-event-reader'
import type {
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
} from '../../../packages/llm/src/types'
import { toEchoStreamError } from './echo-error'
import {
  jsonOrUndefined,
  NOT_AN_ANSWER_HEAD_CHARS,
  startsLikeEventStream,
} from '../../../packages/llm/src/internal/provider-kit/not-an-answer-error'
import { ECHO } from './echo-id'
import { mapEchoUsage, notAnEchoAnswer } from './map-echo-response'
import type { EchoEvent } from './echo-wire'

/**
 * Echo's event stream → chunks. Ends only on echo's `done` event: a body that closes before it
 * is `streamEndedEarlyError`; an `error` event after the 200 is echo's own error; a body with no
 * event at all (a proxy's page, a JSON error) is refused as not echo's answer.
 */
export async function* mapEchoStream(
  body: ReadableStream<Uint8Array>,
  headers: Headers,
  model: string,
  ctx: CallContext,
): AsyncGenerator<ChatCompletionChunk> {
  const events: EchoEvent[] = []
  const parser = new SseEventReader(
    (event) => events.push(JSON.parse(event.data) as EchoEvent),
    () => ctx.touch(),
    {
      chars: STREAM_EVENT_LIMITS.sse,
      tooLarge: (length, limit) => eventTooLargeError(ECHO, length, limit),
    },
  )
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const chunk = chunkMaker(model)
  let ended = false
  // Until an event arrives, the start of the body: to say what answered instead, if none does.
  let sawEvent = false
  let head = ''
  try {
    for (;;) {
      const read = await reader.read()
      let failure: unknown
      try {
        if (!read.done) {
          const text = decoder.decode(read.value, { stream: true })
          if (!sawEvent && head.length < NOT_AN_ANSWER_HEAD_CHARS) head += text
          parser.push(text)
        }
      } catch (error) {
        failure = error
      }
      if (events.length > 0) sawEvent = true
      // The events before an oversized one are still the answer: yield them, then fail.
      for (const event of events.splice(0)) {
        if (event.type === 'error') throw toEchoStreamError(event.code, event.message)
        if (event.type === 'done') ended = true
        yield chunk(event)
      }
      if (failure !== undefined) throw failure
      if (read.done) break
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
  if (!ended && !sawEvent && head.trim() !== '' && !startsLikeEventStream(head)) {
    throw notAnEchoAnswer(jsonOrUndefined(head), head, headers)
  }
  if (!ended) throw streamEndedEarlyError(ECHO, 'the done event')
}

function chunkMaker(
  model: string,
): (event: Exclude<EchoEvent, { type: 'error' }>) => ChatCompletionChunk {
  const id = `echo-${Date.now().toString(36)}`
  const created = Math.floor(Date.now() / 1000)
  let first = true
  return (event) => {
    const role = first ? { role: 'assistant' as const } : {}
    first = false
    let choice: ChatCompletionChunkChoice
    if (event.type === 'done') {
      const finish = { finish_reason: event.finish, provider_finish_reason: event.finish }
      choice = { index: 0, delta: role, ...finish }
    } else if (event.type === 'text')
      choice = { index: 0, delta: { ...role, content: event.text }, finish_reason: null }
    else if (event.type === 'reasoning')
      choice = { index: 0, delta: { ...role, reasoning_content: event.text }, finish_reason: null }
    else {
      const call = {
        index: event.index,
        ...(event.id ? { id: event.id, type: 'function' as const } : {}),
        function: { ...(event.name ? { name: event.name } : {}), arguments: event.arguments },
      }
      choice = { index: 0, delta: { ...role, tool_calls: [call] }, finish_reason: null }
    }
    return {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [choice],
      ...(event.type === 'done' && event.usage ? { usage: mapEchoUsage(event.usage) } : {}),
    }
  }
}
