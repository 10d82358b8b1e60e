import { expect, it } from 'vitest'
import {
  complete,
  LlmError,
  stream,
  type ChatCompletionChunk,
  type ChatRequest,
} from '../../packages/llm/src/index'
import { GATEWAY_MESSAGE, LOGIN_PAGE_TEXT, type NotAnAnswer } from '../fakes/not-an-answer'
import type { HarnessInstance, ProviderHarness } from './provider-harness'

/** The call's error, or what it returned when it did not fail. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return { returned: await call() }
  } catch (error) {
    return error
  }
}

async function drain(iterable: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
  const chunks: ChatCompletionChunk[] = []
  for await (const chunk of iterable) chunks.push(chunk)
  return chunks
}

/**
 * A 200 whose body is not the API's answer — a proxy's sign-in page, a gateway's own error in
 * the API's JSON shape, an empty body — is refused with a reason, complete and streamed; never
 * an empty answer, never "the connection was cut" for a body that arrived whole.
 */
export function runNotAnAnswerChecks(harness: ProviderHarness, h: () => HarnessInstance): void {
  const request = (): ChatRequest => ({
    model: harness.model,
    messages: [{ role: 'user', content: 'Say hello.' }],
    max_tokens: 64,
  })
  const calls = {
    complete: () => complete(request(), h().connection, { maxRetries: 0 }),
    stream: () => drain(stream(request(), h().connection, { maxRetries: 0 })),
  }
  const answer = (notAnAnswer: NotAnAnswer) => h().fake.enqueue({ text: ['Hi'], notAnAnswer })

  for (const [mode, call] of Object.entries(calls)) {
    it(`${mode}: a sign-in page answered 200 is refused, naming the page`, async () => {
      answer('login_page')
      const error = await outcome(call)
      expect(error).toBeInstanceOf(LlmError)
      expect(error).toMatchObject({
        kind: 'server',
        status: 200,
        code: 'not_an_answer',
        hintCode: 'check_base_url',
      })
      expect((error as LlmError).message).toContain(`(text/html): Sign in ${LOGIN_PAGE_TEXT}`)
    })

    it(`${mode}: a gateway's JSON error answered 200 is raised with its message`, async () => {
      answer('json_error')
      const error = await outcome(call)
      expect(error).toBeInstanceOf(LlmError)
      expect((error as LlmError).message).toContain(GATEWAY_MESSAGE)
      expect((error as LlmError).kind).not.toBe('network')
    })

    it(`${mode}: an empty 200 is an error, not an empty answer`, async () => {
      answer('empty')
      const error = await outcome(call)
      expect(error).toBeInstanceOf(LlmError)
    })
  }
}
