import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeServer } from '../fake-script'
import { FAKE_SIGNATURE } from '../claude-thinking'
import { ANTHROPIC_FAKE_KEY, startAnthropicFake } from './anthropic-fake'

let fake: FakeServer

beforeAll(async () => {
  fake = await startAnthropicFake()
})
afterAll(() => fake.close())

const messages = [{ role: 'user', content: 'hi' }]

async function send(body: Record<string, unknown>, version = '2026-10-21', beta?: string) {
  const res = await fetch(`${fake.url}/v1/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${ANTHROPIC_FAKE_KEY}`,
      'anthropic-version': version,
      ...(beta ? { 'anthropic-beta': beta } : {}),
    },
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as { type: string; error?: { type: string; message: string } }
  return { status: res.status, json }
}

const message = async (body: Record<string, unknown>, version?: string) =>
  (await send(body, version)).json.error?.message

describe('the Anthropic fake refuses what the Messages API refuses', () => {
  it('refuses an unknown field as "Extra inputs are not permitted"', async () => {
    const answer = await send({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, top_n: 3 })
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'top_n: Extra inputs are not permitted' },
    })
  })

  it('refuses temperature, top_p and top_k on version 2026-10-21 on every model, even at 1', async () => {
    const base = { model: 'claude-sonnet-4-6', max_tokens: 100, messages }
    expect(await message({ ...base, temperature: 1 })).toBe(
      'temperature: Extra inputs are not permitted',
    )
    expect(await message({ ...base, top_p: 0.9 })).toBe('top_p: Extra inputs are not permitted')
    expect(await message({ ...base, top_k: 5 })).toBe('top_k: Extra inputs are not permitted')
  })

  it('takes sampling on 2023-06-01 for older models but not for adaptive-only ones', async () => {
    const old = await send(
      { model: 'claude-sonnet-4-6', max_tokens: 100, messages, temperature: 0.3, top_k: 5 },
      '2023-06-01',
    )
    expect(old.status).toBe(200)
    expect(
      await message(
        { model: 'claude-opus-5-5', max_tokens: 100, messages, temperature: 0.3 },
        '2023-06-01',
      ),
    ).toBe('`temperature` is deprecated for this model.')
  })

  it('takes beta-only fields only with an anthropic-beta header', async () => {
    const body = { model: 'claude-sonnet-4-6', max_tokens: 100, messages, mcp_servers: [] }
    expect((await send(body)).status).toBe(400)
    expect((await send(body, '2026-10-21', 'mcp-client-2025-04-04')).status).toBe(200)
  })

  it('refuses manual thinking on an adaptive-only model', async () => {
    const thinking = { type: 'enabled', budget_tokens: 2048 }
    expect(await message({ model: 'claude-opus-4-7', max_tokens: 8000, messages, thinking })).toBe(
      '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
    )
    const adaptive = { type: 'adaptive' }
    expect(
      (await send({ model: 'claude-opus-4-7', max_tokens: 8000, messages, thinking: adaptive }))
        .status,
    ).toBe(200)
  })

  it('refuses a thinking budget that is not below max_tokens, or below 1024', async () => {
    const base = { model: 'claude-sonnet-4-5', messages }
    expect(
      await message({
        ...base,
        max_tokens: 2048,
        thinking: { type: 'enabled', budget_tokens: 2048 },
      }),
    ).toMatch(/^`max_tokens` must be greater than `thinking.budget_tokens`\./)
    expect(
      await message({
        ...base,
        max_tokens: 4096,
        thinking: { type: 'enabled', budget_tokens: 512 },
      }),
    ).toBe('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024')
    expect(
      (
        await send({
          ...base,
          max_tokens: 4096,
          thinking: { type: 'enabled', budget_tokens: 2048 },
        })
      ).status,
    ).toBe(200)
  })

  it('refuses, with thinking on, tool results after an assistant turn without its signed thinking', async () => {
    const thinking = { type: 'enabled', budget_tokens: 2048 }
    const toolUse = { type: 'tool_use', id: 'toolu_01A', name: 'weather', input: {} }
    const results = {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_01A', content: 'sunny' }],
    }
    const body = (assistant: unknown[]) => ({
      model: 'claude-sonnet-4-6',
      max_tokens: 4000,
      thinking,
      messages: [...messages, { role: 'assistant', content: assistant }, results],
    })
    const refused = await send(body([toolUse]))
    expect(refused.status).toBe(400)
    expect(refused.json.error?.message).toBe(
      'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking',
    )
    const signed = { type: 'thinking', thinking: 'Let me check.', signature: FAKE_SIGNATURE }
    expect((await send(body([signed, toolUse]))).status).toBe(200)
    expect((await send(body([{ type: 'redacted_thinking', data: 'EqkE' }, toolUse]))).status).toBe(
      200,
    )
    expect(await message(body([{ ...signed, signature: 'forged' }, toolUse]))).toBe(
      'messages.1.content.0: Invalid `signature` in `thinking` block',
    )
    // Thinking off: no such rule.
    expect((await send({ ...body([toolUse]), thinking: undefined })).status).toBe(200)
  })

  it('refuses temperature ≠ 1 and top_k with thinking on (2023-06-01)', async () => {
    const base = {
      model: 'claude-sonnet-4-5',
      messages,
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
    }
    expect(await message({ ...base, temperature: 0.5 }, '2023-06-01')).toMatch(
      /^`temperature` may only be set to 1 when thinking is enabled/,
    )
    expect(await message({ ...base, top_k: 5 }, '2023-06-01')).toMatch(
      /^`top_k` must be unset when thinking is enabled/,
    )
    expect((await send({ ...base, temperature: 1 }, '2023-06-01')).status).toBe(200)
  })

  it('does not use up a queued script on a refused request', async () => {
    fake.enqueue({ text: ['scripted'] })
    await send({ model: 'claude-sonnet-4-6', max_tokens: 100, messages, bogus: 1 })
    const ok = await send({ model: 'claude-sonnet-4-6', max_tokens: 100, messages })
    expect(JSON.stringify(ok.json)).toContain('scripted')
  })
})
