/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are read loosely */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  baseModelOf,
  capabilities,
  complete,
  type AzureConnection,
  type ChatRequest,
  type Connection,
  type ModelCapabilities,
  type ParameterSupport,
} from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import type { FakeServer, RecordedRequest } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'
import { LOOKUP_TOOLS, outcomeOf, type Outcome as CrossCloudOutcome } from './cross-cloud-support'

/**
 * One OpenAI model, one rule set: the same ChatRequest for the same model must get the same
 * verdict and the same Chat Completions body on OpenAI and on Azure OpenAI, where the model is a
 * deployment whose name says nothing about it and the connection's `baseModels` names the model.
 *
 * The one wire difference is `model`: OpenAI's body names the model, Azure's names the
 * deployment (v1 API; dated api-versions put it in the path too). Each side is checked for its
 * own name, then both are read back without it.
 *
 * Azure's v1 Chat Completions reference
 * (https://learn.microsoft.com/azure/foundry/reference/rest/chat-create-chat-completion) takes
 * OpenAI's request fields under OpenAI's names (metadata, store, user, safety_identifier,
 * prompt_cache_key, top_logprobs …), so no field is exempt below: every verdict and every body
 * must match. Azure's own additions (`data_sources`, `user_security_context`) are no Chat
 * Completions fields and not part of ChatRequest.
 */

interface OpenAIModelOnTwoClouds {
  kind: string
  openai: string
  /** The Azure deployment, named unlike its model. */
  deployment: string
  /** The base model the Azure connection maps the deployment to (its id in Azure's catalog). */
  azureModel: string
}

const MODELS: OpenAIModelOnTwoClouds[] = [
  { kind: 'o-series reasoning', openai: 'o3', deployment: 'my-deployment', azureModel: 'o3' },
  {
    kind: 'o-series reasoning, low/medium/high only',
    openai: 'o3-mini',
    deployment: 'reasoner-eu',
    azureModel: 'o3-mini',
  },
  { kind: 'GPT-5 reasoning', openai: 'gpt-5-mini', deployment: 'mini', azureModel: 'gpt-5-mini' },
  { kind: 'GPT-5.4 reasoning', openai: 'gpt-5.4', deployment: 'flagship', azureModel: 'gpt-5.4' },
  {
    kind: 'GPT-5 chat (non-reasoning)',
    openai: 'gpt-5-chat-latest',
    deployment: 'chatty',
    // Azure's id for the same model (canonical: gpt-5-chat-latest).
    azureModel: 'gpt-5-chat',
  },
  {
    kind: 'GPT-4.1 non-reasoning',
    openai: 'gpt-4.1',
    deployment: 'prod-chat',
    azureModel: 'gpt-4.1',
  },
  {
    kind: 'GPT-4o behind a deployment named like a reasoning model',
    openai: 'gpt-4o',
    deployment: 'o1-replacement',
    azureModel: 'gpt-4o',
  },
  {
    kind: 'GPT-4o non-reasoning',
    openai: 'gpt-4o-mini',
    deployment: 'assistant-v2',
    azureModel: 'gpt-4o-mini',
  },
]

const TOOLS = LOOKUP_TOOLS

const REQUESTS: { name: string; request: Partial<ChatRequest> }[] = [
  { name: 'nothing but the messages', request: {} },
  { name: 'temperature', request: { temperature: 0.5 } },
  { name: 'top_p', request: { top_p: 0.9 } },
  { name: 'max_tokens', request: { max_tokens: 1000 } },
  { name: 'max_completion_tokens', request: { max_completion_tokens: 2000 } },
  {
    name: 'max_completion_tokens over max_tokens',
    request: { max_completion_tokens: 2000, max_tokens: 1000 },
  },
  { name: 'reasoning_effort minimal', request: { reasoning_effort: 'minimal' } },
  { name: 'reasoning_effort high', request: { reasoning_effort: 'high' } },
  { name: 'stop', request: { stop: ['END'] } },
  { name: 'seed', request: { seed: 7 } },
  { name: 'n', request: { n: 2 } },
  {
    name: 'presence and frequency penalties',
    request: { presence_penalty: 0.5, frequency_penalty: 0.5 },
  },
  { name: 'logprobs', request: { logprobs: true } },
  { name: 'logprobs with top_logprobs', request: { logprobs: true, top_logprobs: 3 } },
  { name: 'tools, auto', request: { tools: TOOLS, tool_choice: 'auto' } },
  { name: 'tools, required', request: { tools: TOOLS, tool_choice: 'required' } },
  {
    name: 'tools, a named function',
    request: { tools: TOOLS, tool_choice: { type: 'function', function: { name: 'lookup' } } },
  },
  { name: 'parallel_tool_calls', request: { tools: TOOLS, parallel_tool_calls: false } },
  {
    name: 'response_format json_schema',
    request: {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          strict: true,
          schema: {
            type: 'object',
            properties: { a: { type: 'string' } },
            required: ['a'],
            additionalProperties: false,
          },
        },
      },
    },
  },
  { name: 'service_tier', request: { service_tier: 'priority' } },
  { name: 'store with metadata', request: { store: true, metadata: { run: 'cross-cloud' } } },
  { name: 'user', request: { user: 'user-1234' } },
  { name: 'prediction', request: { prediction: { type: 'content', content: 'Hello there' } } },
  { name: 'logit_bias', request: { logit_bias: { '50256': -100 } } },
  { name: 'modalities', request: { modalities: ['text', 'audio'] } },
  { name: 'verbosity', request: { verbosity: 'low' } },
  { name: 'top_k', request: { top_k: 40 } },
  { name: 'thinking_budget', request: { thinking_budget: 2048 } },
  { name: 'extra_body', request: { extra_body: { guided_json: {} } } },
  { name: 'web_search_options', request: { web_search_options: {} } },
  { name: 'prompt_cache_key', request: { prompt_cache_key: 'conversation-1' } },
  { name: 'safety_identifier', request: { safety_identifier: 'user-hash-1' } },
  { name: 'audio', request: { audio: { format: 'mp3', voice: 'alloy' } } },
  { name: 'functions (deprecated)', request: { functions: [{ name: 'lookup' }] } },
  { name: 'an unknown field', request: { temprature: 0.5 } as Partial<ChatRequest> },
]

/** What the form and the validator act on: support, code, range and default, not the wording. */
function verdict(support: ParameterSupport): unknown {
  return {
    support: support.support,
    code: support.support === 'unsupported' ? support.code : undefined,
    noteCode: support.support === 'unsupported' ? undefined : support.noteCode,
    min: 'min' in support ? support.min : undefined,
    max: 'max' in support ? support.max : undefined,
    default: 'default' in support ? support.default : undefined,
  }
}

/** Every parameter and every further field, by name, with its verdict. */
function verdicts(caps: ModelCapabilities, ruleModel: string): Record<string, unknown> {
  const all: Record<string, unknown> = {}
  for (const [name, support] of Object.entries(caps.parameters)) all[name] = verdict(support)
  const fields = extraFieldRules(caps.provider, ruleModel, caps.parameters)
  for (const [name, support] of Object.entries(fields)) all[name] = verdict(support)
  return all
}

type Outcome = CrossCloudOutcome<Record<string, unknown>[]>

let fake: FakeServer
let openai: Connection
let azure: AzureConnection

beforeAll(async () => {
  const azureModels = Object.fromEntries(MODELS.map((m) => [m.deployment, m.azureModel]))
  fake = await startOpenAIFake({ azureModels })
  openai = { provider: 'openai', apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` }
  azure = {
    provider: 'azure',
    endpoint: fake.url,
    apiKey: OPENAI_FAKE_DEFAULTS.azureKey,
    baseModels: azureModels,
  }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

/** What reached the fake (one body per request, `model` checked and left out), or the refusal. */
function outcome(
  connection: Connection,
  model: string,
  extra: Partial<ChatRequest>,
  call: 'complete' | 'stream' = 'complete',
): Promise<Outcome> {
  const request: ChatRequest = { model, messages: [{ role: 'user', content: 'Hi' }], ...extra }
  const read = (received: RecordedRequest[]) =>
    received.map((recorded) => {
      const { model: named, ...body } = recorded.json as Record<string, any>
      expect(named).toBe(model)
      return body
    })
  return outcomeOf(connection, fake, request, read, call)
}

describe.each(MODELS)('OpenAI $kind on OpenAI and Azure', (pair) => {
  it('maps the deployment to its base model', () => {
    expect(baseModelOf(azure, pair.deployment)).toBe(pair.azureModel)
  })

  it('has the same capabilities on both clouds', () => {
    const onOpenAI = capabilities('openai', pair.openai)
    const onAzure = capabilities('azure', pair.deployment, { baseModel: pair.azureModel })
    expect(onOpenAI.known).toBe(true)
    expect(onAzure).toMatchObject({ known: true, model: pair.deployment })
    expect(verdicts(onAzure, pair.azureModel)).toEqual(verdicts(onOpenAI, pair.openai))
    expect(onAzure.canonicalModel).toBe(onOpenAI.canonicalModel)
    expect(onAzure.maxOutputTokens).toBe(onOpenAI.maxOutputTokens)
    expect(onAzure.contextWindow).toBe(onOpenAI.contextWindow)
    expect(onAzure.reasoning).toBe(onOpenAI.reasoning)
    expect(onAzure.tools).toBe(onOpenAI.tools)
  })

  it.each(REQUESTS)('sends $name alike (or refuses it alike)', async ({ request }) => {
    const onOpenAI = await outcome(openai, pair.openai, request)
    const onAzure = await outcome(azure, pair.deployment, request)
    expect(onAzure).toEqual(onOpenAI)
    if ('refused' in onOpenAI) expect(onOpenAI.requests).toBe(0)
  })

  it('streams alike', async () => {
    const request: Partial<ChatRequest> = { max_tokens: 500, tools: TOOLS, tool_choice: 'auto' }
    const onOpenAI = await outcome(openai, pair.openai, request, 'stream')
    const onAzure = await outcome(azure, pair.deployment, request, 'stream')
    expect(onAzure).toEqual(onOpenAI)
  })
})

describe('the cross-cloud comparison itself', () => {
  it('sees what a reasoning model takes and refuses behind a deployment named unlike it', async () => {
    const limit = await outcome(azure, 'my-deployment', { max_tokens: 1000 })
    expect(limit).toEqual({
      sent: [{ messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 1000 }],
    })
    // A deployment named like a reasoning model follows its base model, not its name.
    const named = await outcome(azure, 'o1-replacement', { max_tokens: 1000 })
    expect(named).toEqual({
      sent: [{ messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1000 }],
    })
    const effort = await outcome(azure, 'reasoner-eu', { reasoning_effort: 'low' })
    expect(effort).toEqual({
      sent: [{ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low' }],
    })
    const sampling = await outcome(azure, 'mini', { temperature: 0.2 })
    expect(sampling).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'reasoning_model_rejects',
        parameter: 'temperature',
      },
      requests: 0,
    })
    const chat = await outcome(azure, 'prod-chat', { max_tokens: 1000, reasoning_effort: 'low' })
    expect(chat).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'not_reasoning_model',
        parameter: 'reasoning_effort',
      },
      requests: 0,
    })
  })

  it('tells the clouds apart when the deployment is not mapped to its base model', async () => {
    const unmapped: AzureConnection = { ...azure, baseModels: undefined }
    const onOpenAI = await outcome(openai, 'o3', { max_tokens: 1000, reasoning_effort: 'low' })
    const onAzure = await outcome(unmapped, 'my-deployment', {
      max_tokens: 1000,
      reasoning_effort: 'low',
    })
    expect(onAzure).not.toEqual(onOpenAI)
    expect(onAzure).toMatchObject({ refused: { code: 'not_reasoning_model' }, requests: 0 })
    expect(verdicts(capabilities('azure', 'my-deployment'), 'my-deployment')).not.toEqual(
      verdicts(capabilities('openai', 'o3'), 'o3'),
    )
  })

  it('sees the deployment on the wire, not the base model', async () => {
    await complete({ model: 'prod-chat', messages: [{ role: 'user', content: 'Hi' }] }, azure)
    expect(fake.requests.at(-1)?.url).toBe('/openai/v1/chat/completions')
    expect(fake.requests.at(-1)?.json).toMatchObject({ model: 'prod-chat' })
  })
})
