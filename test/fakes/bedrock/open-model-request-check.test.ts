import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BedrockFake, FAKE_BEDROCK_API_KEY, startBedrockFake } from './bedrock-fake'

let fake: BedrockFake

beforeAll(async () => {
  fake = await startBedrockFake()
})
afterAll(() => fake.close())

const messages = [{ role: 'user', content: [{ text: 'hi' }] }]
const tools = { tools: [{ toolSpec: { name: 'f', inputSchema: { json: { type: 'object' } } } }] }

async function converse(modelId: string, body: Record<string, unknown>) {
  const res = await fetch(`${fake.url}/model/${encodeURIComponent(modelId)}/converse`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${FAKE_BEDROCK_API_KEY}`,
    },
    body: JSON.stringify({ messages, ...body }),
  })
  const json = (await res.json()) as { message?: string }
  return { status: res.status, message: json.message }
}

describe('the Bedrock fake refuses what Bedrock refuses for open models', () => {
  it('refuses stop sequences to gpt-oss and Mistral Large, takes them for Llama', async () => {
    const stop = { inferenceConfig: { stopSequences: ['END'] } }
    expect(await converse('openai.gpt-oss-120b-1:0', stop)).toEqual({
      status: 400,
      message:
        "This model doesn't support the stopSequences field. Remove stopSequences and try again.",
    })
    expect(await converse('mistral.mistral-large-2407-v1:0', stop)).toMatchObject({
      status: 400,
      message: 'The model returned the following errors: Validation Error',
    })
    expect((await converse('us.meta.llama3-3-70b-instruct-v1:0', stop)).status).toBe(200)
  })

  it('refuses a forced tool choice to Llama, takes auto', async () => {
    const llama = 'us.meta.llama3-3-70b-instruct-v1:0'
    const any = await converse(llama, { toolConfig: { ...tools, toolChoice: { any: {} } } })
    expect(any).toEqual({
      status: 400,
      message:
        "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.",
    })
    const named = await converse(llama, {
      toolConfig: { ...tools, toolChoice: { tool: { name: 'f' } } },
    })
    expect(named.status).toBe(400)
    const auto = await converse(llama, { toolConfig: { ...tools, toolChoice: { auto: {} } } })
    expect(auto.status).toBe(200)
  })
})
