import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GoogleFakeServer, startGoogleFake } from './google-fake'

let fake: GoogleFakeServer

beforeAll(async () => {
  fake = await startGoogleFake()
})
afterAll(() => fake.close())

const contents = [{ role: 'user', parts: [{ text: 'hi' }] }]

async function generate(body: Record<string, unknown>) {
  const res = await fetch(`${fake.url}/v1beta/models/gemini-2.5-flash:generateContent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': fake.apiKey },
    body: JSON.stringify({ contents, ...body }),
  })
  return { status: res.status, json: (await res.json()) as { error?: Record<string, unknown> } }
}

describe('the Gemini fake refuses unknown fields as Google does', () => {
  it('refuses an unknown generationConfig field with its fieldViolation', async () => {
    const answer = await generate({ generationConfig: { temperature: 0.2, logit_bias: {} } })
    const description =
      'Invalid JSON payload received. Unknown name "logit_bias" at \'generation_config\': Cannot find field.'
    expect(answer).toEqual({
      status: 400,
      json: {
        error: {
          code: 400,
          message: description,
          status: 'INVALID_ARGUMENT',
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.BadRequest',
              fieldViolations: [{ field: 'generation_config', description }],
            },
          ],
        },
      },
    })
  })

  it('refuses an unknown top-level field, with no "at" and no field', async () => {
    const answer = await generate({ parallel_tool_calls: true })
    expect(answer.status).toBe(400)
    expect(answer.json.error?.message).toBe(
      'Invalid JSON payload received. Unknown name "parallel_tool_calls": Cannot find field.',
    )
  })

  it('names every unknown field, one line each', async () => {
    const answer = await generate({ user: 'u', generationConfig: { top_logprobs: 2 } })
    expect(String(answer.json.error?.message).split('\n')).toHaveLength(2)
  })

  it('takes known fields by their camelCase or snake_case names', async () => {
    const answer = await generate({
      system_instruction: { parts: [{ text: 'be brief' }] },
      generationConfig: {
        maxOutputTokens: 50,
        top_k: 20,
        thinkingConfig: { thinkingBudget: 0 },
        responseLogprobs: true,
        logprobs: 2,
      },
    })
    expect(answer.status).toBe(200)
  })
})
