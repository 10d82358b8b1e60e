/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are read loosely */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  capabilities,
  complete,
  type ChatRequest,
  type Connection,
  type ParameterSupport,
  type ProviderId,
} from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import { startBedrockFake, type BedrockFake } from '../fakes/bedrock/bedrock-fake'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { bedrockConnectionTo, lastBodyOutcome, LOOKUP_TOOLS } from './cross-cloud-support'

/**
 * Llama, Mistral and gpt-oss on Bedrock Converse and on an OpenAI-compatible host serving the same
 * weights (vLLM, Ollama …). The compatible provider passes every field through for the server to
 * judge, so the equivalence is one-sided: every field Bedrock sends reaches the model with the
 * value the compatible host receives (Converse's inferenceConfig and additionalModelRequestFields
 * read back under OpenAI's names), and every field Bedrock refuses is refused before any request
 * for a reason the table below names with its source.
 */

const OPENAI_ON_BEDROCK =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-openai.html'
const LLAMA_ON_BEDROCK =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-meta.html'
const MISTRAL_CHAT_ON_BEDROCK =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-chat-completion.html'
const MISTRAL_TEXT_ON_BEDROCK =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-mistral-text-completion.html'
const CONVERSE_FEATURES =
  'https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html'
const TOOL_CHOICE =
  'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ToolChoice.html'

/** A refusal on Bedrock that the compatible host does not make, and where it is documented. */
interface Documented {
  code: string
  source: string
}

interface OpenModelOnTwoClouds {
  kind: string
  bedrock: string
  compatible: string
  /** Parameters Bedrock refuses and the compatible host passes through. */
  refusedOnBedrock: Partial<Record<string, Documented>>
  /** tool_choice values Converse refuses for the family (invalid_request, nothing sent). */
  refusedToolChoices: { values: ('required' | 'named')[]; source: string }
}

const NO_REFUSED_CHOICES = { values: [], source: TOOL_CHOICE }
const NOT_REASONING: Documented = { code: 'not_reasoning_model', source: 'the Bedrock catalog' }

const MODELS: OpenModelOnTwoClouds[] = [
  {
    kind: 'Llama 3.3 70B',
    bedrock: 'us.meta.llama3-3-70b-instruct-v1:0',
    compatible: 'llama3.3',
    refusedOnBedrock: { top_k: { code: 'model_rejects_parameter', source: LLAMA_ON_BEDROCK } },
    refusedToolChoices: { values: ['required', 'named'], source: 'maximhq/bifrost#3196' },
  },
  {
    kind: 'Llama 3.2 3B (no tool use on Bedrock)',
    bedrock: 'us.meta.llama3-2-3b-instruct-v1:0',
    compatible: 'llama3.2',
    refusedOnBedrock: {
      top_k: { code: 'model_rejects_parameter', source: LLAMA_ON_BEDROCK },
      tools: { code: 'no_tool_calling', source: CONVERSE_FEATURES },
      tool_choice: { code: 'no_tool_calling', source: CONVERSE_FEATURES },
    },
    refusedToolChoices: NO_REFUSED_CHOICES,
  },
  {
    kind: 'gpt-oss-120b',
    bedrock: 'openai.gpt-oss-120b-1:0',
    compatible: 'gpt-oss:120b',
    refusedOnBedrock: {
      stop: { code: 'model_rejects_parameter', source: 'crewAIInc/crewAI#3317' },
      top_k: { code: 'model_rejects_parameter', source: OPENAI_ON_BEDROCK },
    },
    refusedToolChoices: NO_REFUSED_CHOICES,
  },
  {
    kind: 'gpt-oss-20b',
    bedrock: 'openai.gpt-oss-20b-1:0',
    compatible: 'openai/gpt-oss-20b',
    refusedOnBedrock: {
      stop: { code: 'model_rejects_parameter', source: 'crewAIInc/crewAI#3317' },
      top_k: { code: 'model_rejects_parameter', source: OPENAI_ON_BEDROCK },
    },
    refusedToolChoices: NO_REFUSED_CHOICES,
  },
  {
    kind: 'Mistral Large 2',
    bedrock: 'mistral.mistral-large-2407-v1:0',
    compatible: 'mistral-large-2407',
    refusedOnBedrock: {
      stop: { code: 'model_rejects_parameter', source: MISTRAL_CHAT_ON_BEDROCK },
      top_k: { code: 'model_rejects_parameter', source: MISTRAL_CHAT_ON_BEDROCK },
      reasoning_effort: NOT_REASONING,
    },
    refusedToolChoices: { values: ['named'], source: TOOL_CHOICE },
  },
  {
    kind: 'Mixtral 8x7B Instruct (top_k)',
    bedrock: 'mistral.mixtral-8x7b-instruct-v0:1',
    compatible: 'mistralai/Mixtral-8x7B-Instruct-v0.1',
    refusedOnBedrock: {
      tools: { code: 'no_tool_calling', source: CONVERSE_FEATURES },
      tool_choice: { code: 'no_tool_calling', source: CONVERSE_FEATURES },
      reasoning_effort: { code: 'no_reasoning_control', source: MISTRAL_TEXT_ON_BEDROCK },
    },
    refusedToolChoices: NO_REFUSED_CHOICES,
  },
]

const TOOLS = LOOKUP_TOOLS

const REQUESTS: { name: string; request: Partial<ChatRequest> }[] = [
  { name: 'nothing set', request: {} },
  { name: 'temperature', request: { temperature: 0.5 } },
  { name: 'top_p', request: { top_p: 0.9 } },
  { name: 'top_k', request: { top_k: 40 } },
  { name: 'max_tokens', request: { max_tokens: 1000 } },
  {
    name: 'max_completion_tokens over max_tokens',
    request: { max_completion_tokens: 2000, max_tokens: 1000 },
  },
  { name: 'stop string', request: { stop: 'END' } },
  { name: 'stop list', request: { stop: ['a', 'b'] } },
  { name: 'reasoning_effort low', request: { reasoning_effort: 'low' } },
  { name: 'reasoning_effort high', request: { reasoning_effort: 'high' } },
  { name: 'reasoning_effort minimal', request: { reasoning_effort: 'minimal' } },
  { name: 'thinking budget', request: { thinking_budget: 2048, max_tokens: 8192 } },
  { name: 'tools, auto', request: { tools: TOOLS, tool_choice: 'auto' } },
  { name: 'tools, required', request: { tools: TOOLS, tool_choice: 'required' } },
  {
    name: 'tools, a named function',
    request: { tools: TOOLS, tool_choice: { type: 'function', function: { name: 'lookup' } } },
  },
  { name: 'tools, none', request: { tools: TOOLS, tool_choice: 'none' } },
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

/** What reached the model, under OpenAI's names. */
interface Semantics {
  max_tokens?: number
  stop?: string[]
  temperature?: number
  top_p?: number
  top_k?: number
  reasoning_effort?: string
  tools: string[]
  tool_choice?: unknown
}

const COMPATIBLE_KEYS = new Set([
  'model',
  'messages',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'temperature',
  'top_p',
  'top_k',
  'reasoning_effort',
  'tools',
  'tool_choice',
])

function fromCompatible(body: Record<string, any>): Semantics {
  expect(Object.keys(body).filter((key) => !COMPATIBLE_KEYS.has(key))).toEqual([])
  // tool_choice none: the model may call no tool (Bedrock sends none; the host sends them barred).
  const none = body.tool_choice === 'none'
  return {
    // A server takes max_completion_tokens over the deprecated max_tokens, as Bedrock does.
    max_tokens: body.max_completion_tokens ?? body.max_tokens,
    stop: typeof body.stop === 'string' ? [body.stop] : body.stop,
    temperature: body.temperature,
    top_p: body.top_p,
    top_k: body.top_k,
    reasoning_effort: body.reasoning_effort,
    tools: none ? [] : (body.tools ?? []).map((tool: any) => tool.function.name),
    tool_choice: none ? undefined : body.tool_choice,
  }
}

function fromConverse(body: Record<string, any>): Semantics {
  const inference = body.inferenceConfig ?? {}
  const extra = body.additionalModelRequestFields ?? {}
  expect(Object.keys(extra).filter((key) => !['reasoning_effort', 'top_k'].includes(key))).toEqual(
    [],
  )
  const choice = body.toolConfig?.toolChoice
  return {
    max_tokens: inference.maxTokens,
    stop: inference.stopSequences,
    temperature: inference.temperature,
    top_p: inference.topP,
    top_k: extra.top_k,
    reasoning_effort: extra.reasoning_effort,
    tools: (body.toolConfig?.tools ?? []).map((tool: any) => tool.toolSpec.name),
    tool_choice: choice?.auto
      ? 'auto'
      : choice?.any
        ? 'required'
        : choice?.tool
          ? { type: 'function', function: { name: choice.tool.name } }
          : undefined,
  }
}

let compatibleFake: FakeServer
let bedrockFake: BedrockFake
let compatible: Connection
let bedrock: Connection

beforeAll(async () => {
  compatibleFake = await startOpenAIFake()
  bedrockFake = await startBedrockFake({ region: 'us-east-1' })
  compatible = {
    provider: 'openai-compatible',
    baseURL: `${compatibleFake.url}/compat/v1`,
    apiKey: OPENAI_FAKE_DEFAULTS.compatibleKey,
  }
  bedrock = bedrockConnectionTo(bedrockFake)
})
afterAll(async () => {
  await compatibleFake.close()
  await bedrockFake.close()
})
beforeEach(() => {
  compatibleFake.reset()
  bedrockFake.reset()
})

const outcome = lastBodyOutcome<Semantics>

/** Every rule for a model: the form parameters and top_k. */
function rulesOf(provider: ProviderId, model: string): Record<string, ParameterSupport> {
  const caps = capabilities(provider, model)
  const rules: Record<string, ParameterSupport> = {}
  for (const name of MODEL_PARAMETERS) rules[name] = caps.parameters[name]
  rules.top_k = extraFieldRules(provider, model, caps.parameters).top_k
  return rules
}

function codeOf(rule: ParameterSupport | undefined): string | undefined {
  return rule?.support === 'unsupported' ? rule.code : undefined
}

describe.each(MODELS)('$kind on Bedrock and an OpenAI-compatible host', (pair) => {
  it('takes on Bedrock what the host takes, but for the documented refusals', () => {
    const onBedrock = rulesOf('bedrock', pair.bedrock)
    const onHost = rulesOf('openai-compatible', pair.compatible)
    for (const [name, rule] of Object.entries(onBedrock)) {
      const documented = pair.refusedOnBedrock[name]
      const hostRefuses = onHost[name]?.support === 'unsupported'
      // Refused on Bedrock alone: exactly the documented refusals, with their codes.
      const bedrockOnly = rule.support === 'unsupported' && !hostRefuses ? codeOf(rule) : undefined
      expect({ name, bedrockOnly }).toEqual({ name, bedrockOnly: documented?.code })
      if (rule.support !== 'unsupported')
        expect({ name, hostRefuses }).toEqual({ name, hostRefuses: false })
    }
  })

  it.each(REQUESTS)(
    'sends $name as the host receives it (or refuses it as documented)',
    async ({ request }) => {
      const onBedrock = await outcome(bedrock, bedrockFake, pair.bedrock, request, fromConverse)
      const onHost = await outcome(
        compatible,
        compatibleFake,
        pair.compatible,
        request,
        fromCompatible,
      )
      if ('sent' in onBedrock) {
        expect(onBedrock).toEqual(onHost)
        return
      }
      expect(onBedrock.requests).toBe(0)
      const { refused } = onBedrock
      if (refused.kind === 'unsupported_parameter') {
        // Refused as capabilities() says: by the host too, or for a documented reason.
        const parameter = refused.parameter ?? ''
        const announced = codeOf(rulesOf('bedrock', pair.bedrock)[parameter])
        const alsoOnHost = 'refused' in onHost && onHost.refused.parameter === parameter
        expect({ parameter, code: refused.code }).toEqual({ parameter, code: announced })
        if (!alsoOnHost) expect(pair.refusedOnBedrock[parameter]?.code).toBe(announced)
        return
      }
      const choice = request.tool_choice === 'required' ? 'required' : 'named'
      expect(refused).toEqual({ kind: 'invalid_request', hintCode: 'tool_choice_auto_only' })
      expect(pair.refusedToolChoices.values).toContain(choice)
    },
  )
})

describe('the cross-cloud comparison itself', () => {
  it('sees reasoning_effort and top_k reach the model through additionalModelRequestFields', async () => {
    await complete(
      {
        model: 'openai.gpt-oss-120b-1:0',
        messages: [{ role: 'user', content: 'Hi' }],
        reasoning_effort: 'high',
      },
      bedrock,
    )
    const body = bedrockFake.requests.at(-1)?.json as Record<string, any>
    expect(body.additionalModelRequestFields).toEqual({ reasoning_effort: 'high' })
    const sent = await outcome(
      bedrock,
      bedrockFake,
      'mistral.mixtral-8x7b-instruct-v0:1',
      { top_k: 40, stop: 'END' },
      fromConverse,
    )
    expect(sent).toEqual({ sent: expect.objectContaining({ top_k: 40, stop: ['END'] }) })
  })

  it('refuses by name, with nothing sent, what Bedrock refuses for the model', async () => {
    const stop = await outcome(
      bedrock,
      bedrockFake,
      'openai.gpt-oss-120b-1:0',
      { stop: 'END' },
      fromConverse,
    )
    expect(stop).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'model_rejects_parameter',
        parameter: 'stop',
      },
      requests: 0,
    })
    const forced = await outcome(
      bedrock,
      bedrockFake,
      'us.meta.llama3-3-70b-instruct-v1:0',
      { tools: TOOLS, tool_choice: 'required' },
      fromConverse,
    )
    expect(forced).toEqual({
      refused: { kind: 'invalid_request', hintCode: 'tool_choice_auto_only' },
      requests: 0,
    })
    const sentOnHost = await outcome(
      compatible,
      compatibleFake,
      'gpt-oss:120b',
      { stop: 'END' },
      fromCompatible,
    )
    expect(sentOnHost).toEqual({ sent: expect.objectContaining({ stop: ['END'] }) })
  })
})
