import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GoogleFakeServer, startGoogleFake } from './google-fake'

let fake: GoogleFakeServer

beforeAll(async () => {
  fake = await startGoogleFake()
})
afterAll(() => fake.close())

async function generate(model: string, contents: unknown[]) {
  const res = await fetch(`${fake.url}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': fake.apiKey },
    body: JSON.stringify({ contents }),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

const ask = { role: 'user', parts: [{ text: 'Weather in Seoul?' }] }
const result = {
  role: 'user',
  parts: [{ functionResponse: { name: 'weather', response: { result: 'sunny' } } }],
}
const call = (extra: Record<string, unknown> = {}) => ({
  role: 'model',
  parts: [{ functionCall: { name: 'weather', args: {} }, ...extra }],
})

describe('the Gemini fake checks thought signatures as Gemini 3 does', () => {
  it('gives every function call a signature it takes back on the next turn', async () => {
    fake.enqueue({
      reasoning: ['Let me look.'],
      toolCalls: [{ name: 'weather', argumentFragments: ['{}'] }],
    })
    const first = await generate('gemini-3-pro-preview', [ask])
    const parts = (
      first.json as { candidates: { content: { parts: { thoughtSignature?: string }[] } }[] }
    ).candidates[0]?.content.parts
    const thoughtSignature = parts?.find((part) => part.thoughtSignature)?.thoughtSignature
    expect(thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/)
    const next = await generate('gemini-3-pro-preview', [ask, call({ thoughtSignature }), result])
    expect(next.status).toBe(200)
  })

  it('refuses a current-turn function call without its signature on Gemini 3 only', async () => {
    const refused = await generate('gemini-3-pro-preview', [ask, call(), result])
    expect(refused).toEqual({
      status: 400,
      json: {
        error: {
          code: 400,
          message:
            'Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:weather` , position 2. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.',
          status: 'INVALID_ARGUMENT',
        },
      },
    })
    expect((await generate('gemini-2.5-flash', [ask, call(), result])).status).toBe(200)
    const skip = call({ thoughtSignature: 'skip_thought_signature_validator' })
    expect((await generate('gemini-3-pro-preview', [ask, skip, result])).status).toBe(200)
    // An earlier turn (a user text follows it) is not checked.
    const later = [ask, call(), result, { role: 'model', parts: [{ text: 'Sunny.' }] }, ask]
    expect((await generate('gemini-3-pro-preview', later)).status).toBe(200)
  })

  it("refuses a signature it did not issue (another provider's) as corrupted", async () => {
    const forged = call({ thoughtSignature: 'RXFRQkNrZ0lCeEFCR0FJcUZha2VTaWduYXR1cmU=' })
    const refused = await generate('gemini-2.5-flash', [ask, forged, result])
    expect(refused.status).toBe(400)
    expect(refused.json).toEqual({
      error: { code: 400, message: 'Corrupted thought signature.', status: 'INVALID_ARGUMENT' },
    })
  })
})
