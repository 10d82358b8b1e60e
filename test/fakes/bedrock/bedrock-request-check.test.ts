import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BedrockFake, FAKE_BEDROCK_API_KEY, startBedrockFake } from './bedrock-fake'
import { CONVERSE_FAKE_SIGNATURE } from './converse-render'

let fake: BedrockFake

beforeAll(async () => {
  fake = await startBedrockFake()
})
afterAll(() => fake.close())

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const OPUS_47 = 'global.anthropic.claude-opus-4-7'
const messages = [{ role: 'user', content: [{ text: 'hi' }] }]

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
  return {
    status: res.status,
    errorType: res.headers.get('x-amzn-errortype'),
    message: json.message,
  }
}

describe('the Bedrock fake refuses what Bedrock refuses for Claude', () => {
  it('refuses an unknown additionalModelRequestFields key as a ValidationException', async () => {
    const answer = await converse(SONNET_45, { additionalModelRequestFields: { top_n: 3 } })
    expect(answer).toEqual({
      status: 400,
      errorType: 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/',
      message: 'The model returned the following errors: top_n: Extra inputs are not permitted',
    })
  })

  it('words it the older way for Claude 3 models', async () => {
    const answer = await converse('anthropic.claude-3-5-haiku-20241022-v1:0', {
      additionalModelRequestFields: { chat_id: 'x' },
    })
    expect(answer.message).toBe(
      'The model returned the following errors: Malformed input request: #: extraneous key [chat_id] is not permitted, please reformat your input and try again.',
    )
  })

  it('takes the Anthropic fields Converse passes through', async () => {
    const answer = await converse(SONNET_45, {
      inferenceConfig: { maxTokens: 4096 },
      additionalModelRequestFields: { top_k: 5 },
    })
    expect(answer.status).toBe(200)
  })

  it('leaves non-Claude models alone', async () => {
    const answer = await converse('amazon.nova-lite-v1:0', {
      additionalModelRequestFields: { inferenceConfig: { topK: 20 } },
    })
    expect(answer.status).toBe(200)
  })

  it('refuses a thinking budget not below maxTokens', async () => {
    const answer = await converse(SONNET_45, {
      inferenceConfig: { maxTokens: 2048 },
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 } },
    })
    expect(answer.status).toBe(400)
    expect(answer.message).toMatch(/`max_tokens` must be greater than `thinking.budget_tokens`/)
  })

  it('refuses temperature ≠ 1 with thinking on', async () => {
    const answer = await converse(SONNET_45, {
      inferenceConfig: { maxTokens: 4096, temperature: 0.5 },
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 } },
    })
    expect(answer.message).toBe(
      'The model returned the following errors: temperature may only be set to 1 when thinking is enabled.',
    )
  })

  it('refuses manual thinking and sampling on an adaptive-only model', async () => {
    const manual = await converse(OPUS_47, {
      inferenceConfig: { maxTokens: 8000 },
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 } },
    })
    expect(manual.status).toBe(400)
    expect(manual.message).toMatch(/^"thinking.type.enabled" is not supported for this model/)
    const sampling = await converse(OPUS_47, { inferenceConfig: { temperature: 0.2 } })
    expect(sampling.message).toBe(
      'The model returned the following errors: temperature is deprecated for this model.',
    )
    const adaptive = await converse(OPUS_47, {
      additionalModelRequestFields: {
        thinking: { type: 'adaptive' },
        output_config: { effort: 'low' },
      },
    })
    expect(adaptive.status).toBe(200)
  })

  it('refuses, with thinking on, tool results after an assistant turn without its signed reasoning', async () => {
    const thinking = { thinking: { type: 'enabled', budget_tokens: 2048 } }
    const toolUse = { toolUse: { toolUseId: 'tooluse_1', name: 'weather', input: {} } }
    const results = {
      role: 'user',
      content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'sunny' }] } }],
    }
    const body = (assistant: unknown[]) => ({
      messages: [...messages, { role: 'assistant', content: assistant }, results],
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking,
    })
    const refused = await converse(SONNET_45, body([toolUse]))
    expect(refused.status).toBe(400)
    expect(refused.errorType).toMatch(/^ValidationException/)
    expect(refused.message).toBe(
      'The model returned the following errors: messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking',
    )
    const signed = {
      reasoningContent: {
        reasoningText: { text: 'Let me check.', signature: CONVERSE_FAKE_SIGNATURE },
      },
    }
    expect((await converse(SONNET_45, body([signed, toolUse]))).status).toBe(200)
    const redacted = { reasoningContent: { redactedContent: 'EqkE' } }
    expect((await converse(SONNET_45, body([redacted, toolUse]))).status).toBe(200)
    const forged = { reasoningContent: { reasoningText: { text: 'x', signature: 'forged' } } }
    expect((await converse(SONNET_45, body([forged, toolUse]))).message).toBe(
      'The model returned the following errors: messages.1.content.0: Invalid `signature` in `thinking` block',
    )
  })
})
