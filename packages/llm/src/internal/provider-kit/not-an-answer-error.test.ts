import { describe, expect, it } from 'vitest'
import { notAnAnswerError, startsLikeEventStream } from './not-an-answer-error'

describe('startsLikeEventStream', () => {
  it('tells the start of an event stream from a page or a JSON body', () => {
    for (const head of [
      'data: {"id"',
      'event: message_start\ndata: {',
      ': ping\n',
      '\uFEFFdata:',
      'id: 1\n',
      '\n\ndata: x',
      'data',
    ])
      expect(startsLikeEventStream(head), head).toBe(true)
    for (const head of [
      '{"error":{}}',
      '<!doctype html>',
      'Sign in',
      'database is down',
      'identity',
    ])
      expect(startsLikeEventStream(head), head).toBe(false)
  })
})

describe('notAnAnswerError', () => {
  it('shows the text of a page, not its markup, scripts or styles', () => {
    const page =
      '<!doctype html><html><head><title>Portal</title><style>h1 { color: red }</style>' +
      '<script>var token = "abc"; if (a < b) go()</script></head>\n<body>\n  <h1>Accept the terms</h1>\n</body></html>'
    const error = notAnAnswerError('openai', page, 'text/html; charset=utf-8')
    expect(error.message).toBe(
      'The provider answered 200 with a body that is not its answer (text/html): Portal Accept the terms',
    )
    expect(error).toMatchObject({
      kind: 'server',
      status: 200,
      code: 'not_an_answer',
      hintCode: 'check_base_url',
    })
    expect(error.retryable).toBe(true)
  })

  it('keeps at most 200 characters of the body', () => {
    const error = notAnAnswerError('anthropic', 'x'.repeat(5000), 'text/plain')
    expect(error.message).toMatch(/\(text\/plain\): x{200}$/)
  })

  it('says so when the body was empty or only white space, naming the content type', () => {
    expect(notAnAnswerError('gemini', ' \n ', 'application/json').message).toBe(
      'The provider answered 200 with an empty body (application/json) instead of its answer.',
    )
    expect(notAnAnswerError('bedrock', '', null).message).toContain('(no content type)')
  })
})
