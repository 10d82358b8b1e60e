import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeServer } from '../fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from './openai-fake'

let fake: FakeServer

beforeAll(async () => {
  fake = await startOpenAIFake()
})
afterAll(() => fake.close())

const messages = [{ role: 'user', content: 'hi' }]

async function post(path: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

const openai = (body: Record<string, unknown>) =>
  post('/v1/chat/completions', body, { authorization: `Bearer ${OPENAI_FAKE_DEFAULTS.openaiKey}` })
const azure = (body: Record<string, unknown>) =>
  post('/openai/deployments/gpt-5.4/chat/completions?api-version=2024-10-21', body, {
    'api-key': OPENAI_FAKE_DEFAULTS.azureKey,
  })
const compatible = (body: Record<string, unknown>) =>
  post('/compat/v1/chat/completions', body, {
    authorization: `Bearer ${OPENAI_FAKE_DEFAULTS.compatibleKey}`,
  })

describe('the OpenAI fake refuses what OpenAI refuses', () => {
  it('refuses an unknown field by name, as OpenAI words it', async () => {
    const answer = await openai({ model: 'gpt-4.1-mini', messages, temprature: 0.2 })
    expect(answer).toEqual({
      status: 400,
      json: {
        error: {
          message: 'Unrecognized request argument supplied: temprature',
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      },
    })
  })

  it('accepts every field the SDK knows on a non-reasoning model', async () => {
    const answer = await openai({
      model: 'gpt-4.1-mini',
      messages,
      temperature: 0.2,
      max_tokens: 50,
      logprobs: true,
      top_logprobs: 2,
      seed: 1,
      user: 'u',
    })
    expect(answer.status).toBe(200)
  })

  it('refuses max_tokens on a reasoning model (the recorded answer)', async () => {
    const answer = await openai({ model: 'o4-mini', messages, max_tokens: 50 })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toEqual({
      message:
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      type: 'invalid_request_error',
      param: 'max_tokens',
      code: 'unsupported_parameter',
    })
  })

  it('refuses a temperature other than 1 on a reasoning model, and takes 1', async () => {
    const refused = await openai({ model: 'gpt-5.4', messages, temperature: 0.2 })
    expect(refused.status).toBe(400)
    expect(refused.json.error).toMatchObject({
      message:
        "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
      param: 'temperature',
      code: 'unsupported_value',
    })
    expect((await openai({ model: 'gpt-5.4', messages, temperature: 1 })).status).toBe(200)
  })

  it('refuses top_logprobs without logprobs: true', async () => {
    const answer = await openai({ model: 'gpt-4.1-mini', messages, top_logprobs: 3 })
    expect(answer.status).toBe(400)
    expect(answer.json.error).toMatchObject({ param: 'top_logprobs' })
  })

  it('refuses the same on Azure, judged by the deployment', async () => {
    expect((await azure({ messages, temprature: 1 })).json.error).toMatchObject({
      message: 'Unrecognized request argument supplied: temprature',
    })
    expect((await azure({ messages, max_tokens: 5 })).json.error).toMatchObject({
      code: 'unsupported_parameter',
    })
  })

  it('lets the compatible flavour take server-specific extras', async () => {
    const answer = await compatible({ model: 'qwen3:8b', messages, top_k: 20, num_ctx: 8192 })
    expect(answer.status).toBe(200)
  })
})
