/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are read loosely */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  capabilities,
  type ChatRequest,
  type Connection,
  type ParameterSupport,
} from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import { startAnthropicFake } from '../fakes/anthropic'
import { startBedrockFake, type BedrockFake } from '../fakes/bedrock/bedrock-fake'
import type { FakeServer } from '../fakes/fake-script'
import { bedrockConnectionTo, lastBodyOutcome, LOOKUP_TOOLS } from './cross-cloud-support'

/**
 * One Claude model, one rule set: the same ChatRequest for the same Claude model must get the
 * same verdict and reach the model with the same sampling, limits, thinking mode and tool choice
 * on Anthropic's Messages API and on Bedrock Converse (whose inferenceConfig and
 * additionalModelRequestFields are read back under Anthropic's names).
 */

interface ClaudeOnTwoClouds {
  kind: string
  anthropic: string
  bedrock: string
  /** Served by Bedrock only (retired on Anthropic's API): its catalog limits exist there alone. */
  bedrockOnly?: boolean
}

const MODELS: ClaudeOnTwoClouds[] = [
  { kind: 'adaptive-only', anthropic: 'claude-opus-4-7', bedrock: 'us.anthropic.claude-opus-4-7' },
  {
    kind: 'adaptive-only, no forced tools',
    anthropic: 'claude-fable-5-1',
    bedrock: 'global.anthropic.claude-fable-5-1',
  },
  {
    kind: 'manual or adaptive',
    anthropic: 'claude-sonnet-4-6',
    bedrock: 'us.anthropic.claude-sonnet-4-6',
  },
  {
    kind: 'manual budget',
    anthropic: 'claude-sonnet-4-5-20250929',
    bedrock: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  },
  {
    kind: 'manual budget with effort',
    anthropic: 'claude-opus-4-5-20251101',
    bedrock: 'global.anthropic.claude-opus-4-5-20251101-v1:0',
  },
  {
    kind: 'non-reasoning',
    anthropic: 'claude-3-5-haiku-20241022',
    bedrock: 'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    bedrockOnly: true,
  },
]

const TOOLS = LOOKUP_TOOLS

const REQUESTS: { name: string; request: Partial<ChatRequest>; needsLimits?: boolean }[] = [
  { name: 'temperature', request: { temperature: 0.5 } },
  { name: 'top_p', request: { top_p: 0.9 } },
  { name: 'top_k', request: { top_k: 40 } },
  { name: 'no limit (the model maximum)', request: {}, needsLimits: true },
  { name: 'max_tokens', request: { max_tokens: 1000 } },
  {
    name: 'max_completion_tokens over max_tokens',
    request: { max_completion_tokens: 2000, max_tokens: 1000 },
  },
  { name: 'thinking budget', request: { thinking_budget: 2048, max_tokens: 8192 } },
  { name: 'thinking budget above the limit', request: { thinking_budget: 4096, max_tokens: 2048 } },
  { name: 'reasoning_effort minimal', request: { reasoning_effort: 'minimal', max_tokens: 4000 } },
  { name: 'reasoning_effort high', request: { reasoning_effort: 'high', max_tokens: 4000 } },
  {
    name: 'thinking budget with effort',
    request: { thinking_budget: 2048, reasoning_effort: 'low', max_tokens: 8192 },
  },
  { name: 'stop string', request: { stop: 'END', max_tokens: 100 } },
  { name: 'stop list', request: { stop: ['a', 'b'], max_tokens: 100 } },
  { name: 'tools, auto', request: { tools: TOOLS, tool_choice: 'auto', max_tokens: 100 } },
  { name: 'tools, required', request: { tools: TOOLS, tool_choice: 'required', max_tokens: 100 } },
  {
    name: 'tools, a named function',
    request: {
      tools: TOOLS,
      tool_choice: { type: 'function', function: { name: 'lookup' } },
      max_tokens: 100,
    },
  },
  { name: 'tools, none', request: { tools: TOOLS, tool_choice: 'none', max_tokens: 100 } },
  {
    name: 'tools, required with thinking',
    request: { tools: TOOLS, tool_choice: 'required', reasoning_effort: 'high', max_tokens: 4000 },
  },
]

/** The parameters whose verdict is the model's, not the cloud's. */
const MODEL_PARAMETERS = [
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'reasoning_effort',
  'thinking_budget',
  'tools',
  'tool_choice',
] as const

/** What reached the model, under Anthropic's names. */
interface Semantics {
  max_tokens?: number
  stop_sequences?: string[]
  temperature?: number
  top_p?: number
  top_k?: number
  thinking?: unknown
  effort?: string
  tools: string[]
  tool_choice?: unknown
}

const ANTHROPIC_KEYS = new Set([
  'model',
  'messages',
  'max_tokens',
  'stream',
  'stop_sequences',
  'thinking',
  'output_config',
  'tools',
  'tool_choice',
])

function fromAnthropic(body: Record<string, any>): Semantics {
  expect(Object.keys(body).filter((key) => !ANTHROPIC_KEYS.has(key))).toEqual([])
  // tool_choice none: the model may call no tool (Bedrock sends none; Anthropic sends them barred).
  const none = body.tool_choice?.type === 'none'
  return {
    max_tokens: body.max_tokens,
    stop_sequences: body.stop_sequences,
    temperature: body.temperature,
    top_p: body.top_p,
    top_k: body.top_k,
    thinking: body.thinking,
    effort: body.output_config?.effort,
    tools: none ? [] : (body.tools ?? []).map((tool: { name: string }) => tool.name),
    tool_choice: none ? undefined : body.tool_choice,
  }
}

function fromConverse(body: Record<string, any>): Semantics {
  const inference = body.inferenceConfig ?? {}
  const extra = body.additionalModelRequestFields ?? {}
  expect(
    Object.keys(extra).filter((key) => !['thinking', 'output_config', 'top_k'].includes(key)),
  ).toEqual([])
  const choice = body.toolConfig?.toolChoice
  return {
    max_tokens: inference.maxTokens,
    stop_sequences: inference.stopSequences,
    temperature: inference.temperature,
    top_p: inference.topP,
    top_k: extra.top_k,
    thinking: extra.thinking,
    effort: extra.output_config?.effort,
    tools: (body.toolConfig?.tools ?? []).map((tool: any) => tool.toolSpec.name),
    // auto is the default on both: Anthropic leaves it out.
    tool_choice: choice?.any
      ? { type: 'any' }
      : choice?.tool
        ? { type: 'tool', ...choice.tool }
        : undefined,
  }
}

let anthropicFake: FakeServer & { apiKey: string }
let bedrockFake: BedrockFake
let anthropic: Connection
let bedrock: Connection

beforeAll(async () => {
  anthropicFake = await startAnthropicFake()
  bedrockFake = await startBedrockFake({ region: 'us-east-1' })
  anthropic = { provider: 'anthropic', apiKey: anthropicFake.apiKey, baseURL: anthropicFake.url }
  bedrock = bedrockConnectionTo(bedrockFake)
})
afterAll(async () => {
  await anthropicFake.close()
  await bedrockFake.close()
})
beforeEach(() => {
  anthropicFake.reset()
  bedrockFake.reset()
})

const outcome = lastBodyOutcome<Semantics>

/** Support, code and range: what the form and the validator act on. */
function verdict(support: ParameterSupport): unknown {
  return {
    support: support.support,
    code: support.support === 'unsupported' ? support.code : undefined,
    min: 'min' in support ? support.min : undefined,
    max: 'max' in support ? support.max : undefined,
  }
}

describe.each(MODELS)('Claude $kind on Anthropic and Bedrock', (pair) => {
  it('has the same capabilities on both clouds', () => {
    const a = capabilities('anthropic', pair.anthropic)
    const b = capabilities('bedrock', pair.bedrock)
    for (const name of MODEL_PARAMETERS) {
      expect({ name, ...(verdict(b.parameters[name]) as object) }).toEqual({
        name,
        ...(verdict(a.parameters[name]) as object),
      })
    }
    const topK = (caps: typeof a) =>
      verdict(extraFieldRules(caps.provider, caps.model, caps.parameters).top_k)
    expect(topK(b)).toEqual(topK(a))
    if (!pair.bedrockOnly) {
      expect(b.maxOutputTokens).toBe(a.maxOutputTokens)
      expect(b.contextWindow).toBe(a.contextWindow)
      expect(b.reasoning).toBe(a.reasoning)
    }
  })

  it.each(REQUESTS)('sends $name alike (or refuses it alike)', async ({ request, needsLimits }) => {
    if (needsLimits && pair.bedrockOnly) return
    const onAnthropic = await outcome(
      anthropic,
      anthropicFake,
      pair.anthropic,
      request,
      fromAnthropic,
    )
    const onBedrock = await outcome(bedrock, bedrockFake, pair.bedrock, request, fromConverse)
    expect(onBedrock).toEqual(onAnthropic)
    if ('refused' in onAnthropic) expect(onAnthropic.requests).toBe(0)
  })
})

describe('the cross-cloud comparison itself', () => {
  it('sees the thinking mode each model takes, and the sampling both refuse', async () => {
    const adaptive = await outcome(
      bedrock,
      bedrockFake,
      'us.anthropic.claude-opus-4-7',
      { reasoning_effort: 'high' },
      fromConverse,
    )
    expect(adaptive).toEqual({
      sent: expect.objectContaining({
        thinking: { type: 'adaptive' },
        effort: 'high',
        max_tokens: 128_000,
      }),
    })
    const manual = await outcome(
      anthropic,
      anthropicFake,
      'claude-sonnet-4-5-20250929',
      { thinking_budget: 2048, max_tokens: 8192 },
      fromAnthropic,
    )
    expect(manual).toEqual({
      sent: expect.objectContaining({
        thinking: { type: 'enabled', budget_tokens: 2048 },
        max_tokens: 8192,
      }),
    })
    const budgetOnAdaptive = await outcome(
      bedrock,
      bedrockFake,
      'us.anthropic.claude-opus-4-7',
      { thinking_budget: 2048 },
      fromConverse,
    )
    expect(budgetOnAdaptive).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'adaptive_thinking',
        parameter: 'thinking_budget',
      },
      requests: 0,
    })
    const sampling = await outcome(
      bedrock,
      bedrockFake,
      'us.anthropic.claude-sonnet-4-6',
      { temperature: 0.2 },
      fromConverse,
    )
    expect(sampling).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'api_version_rejects',
        parameter: 'temperature',
      },
      requests: 0,
    })
    const modelLevel = await outcome(
      anthropic,
      anthropicFake,
      'claude-opus-4-7',
      { top_k: 5 },
      fromAnthropic,
    )
    expect(modelLevel).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'model_rejects_parameter',
        parameter: 'top_k',
      },
      requests: 0,
    })
  })
})
