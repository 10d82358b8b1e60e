/* eslint-disable @typescript-eslint/no-explicit-any -- wire bodies are read loosely */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  capabilities,
  type ChatRequest,
  type Connection,
  type ModelCapabilities,
  type ParameterSupport,
} from '../../packages/llm/src/index'
import { extraFieldRules } from '../../packages/llm/src/field-rules'
import type { RecordedRequest } from '../fakes/fake-script'
import { startGoogleFake, type GoogleFakeServer } from '../fakes/google/google-fake'
import { LOOKUP_TOOLS, outcomeOf, type Outcome as CrossCloudOutcome } from './cross-cloud-support'

/**
 * One Gemini model, one rule set: the same ChatRequest for the same Gemini model must get the
 * same verdict and reach the model with the same generationConfig, toolConfig, tools and
 * systemInstruction on the Gemini API (API key) and on Vertex AI (a service account's OAuth
 * token, and express mode's API key). The model travels in the path on both (`models/{m}` and
 * `projects/{p}/locations/{l}/publishers/google/models/{m}`), so each side's path is checked for
 * the model and the bodies are compared whole.
 */

const MODELS: { kind: string; model: string }[] = [
  { kind: 'Gemini 2.5 Pro (budget, thinking always on)', model: 'gemini-2.5-pro' },
  { kind: 'Gemini 2.5 Flash (budget, 0 turns thinking off)', model: 'gemini-2.5-flash' },
  { kind: 'Gemini 2.5 Flash-Lite', model: 'gemini-2.5-flash-lite' },
  { kind: 'Gemini 3 Pro (thinkingLevel low/high)', model: 'gemini-3-pro-preview' },
  { kind: 'Gemini 3 Flash (thinkingLevel)', model: 'gemini-3-flash-preview' },
  { kind: 'Gemini 3.1 Flash-Lite (thinkingLevel)', model: 'gemini-3.1-flash-lite-preview' },
]

const TOOLS = LOOKUP_TOOLS

const REQUESTS: { name: string; request: Partial<ChatRequest> }[] = [
  { name: 'nothing but the messages', request: {} },
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
  { name: 'seed', request: { seed: 7 } },
  { name: 'n (parallel requests, no candidateCount)', request: { n: 2 } },
  { name: 'thinking_budget', request: { thinking_budget: 2048 } },
  { name: 'thinking_budget 0', request: { thinking_budget: 0 } },
  { name: 'reasoning_effort minimal', request: { reasoning_effort: 'minimal' } },
  { name: 'reasoning_effort low', request: { reasoning_effort: 'low' } },
  { name: 'reasoning_effort high', request: { reasoning_effort: 'high' } },
  {
    name: 'thinking_budget with reasoning_effort',
    request: { thinking_budget: 2048, reasoning_effort: 'low' },
  },
  {
    name: 'response_format json_schema',
    request: {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
        },
      },
    },
  },
  { name: 'response_format json_object', request: { response_format: { type: 'json_object' } } },
  { name: 'tools, auto', request: { tools: TOOLS, tool_choice: 'auto' } },
  { name: 'tools, required', request: { tools: TOOLS, tool_choice: 'required' } },
  {
    name: 'tools, a named function',
    request: { tools: TOOLS, tool_choice: { type: 'function', function: { name: 'lookup' } } },
  },
  { name: 'tools, none', request: { tools: TOOLS, tool_choice: 'none' } },
  { name: 'parallel_tool_calls', request: { tools: TOOLS, parallel_tool_calls: false } },
  { name: 'presence_penalty', request: { presence_penalty: 0.5 } },
  { name: 'frequency_penalty', request: { frequency_penalty: 0.5 } },
  { name: 'logprobs', request: { logprobs: true } },
  { name: 'logprobs with top_logprobs', request: { logprobs: true, top_logprobs: 3 } },
  { name: 'user', request: { user: 'user-1234' } },
  { name: 'service_tier', request: { service_tier: 'flex' } },
  { name: 'metadata', request: { metadata: { run: 'cross-cloud' } } },
]

const SYSTEM: ChatRequest['messages'] = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'Hi' },
]

/** What the form and the validator act on: support, code, range and default, not the wording. */
function verdict(support: ParameterSupport): unknown {
  return {
    support: support.support,
    code: support.support === 'unsupported' ? support.code : undefined,
    noteCode: support.support === 'unsupported' ? undefined : support.noteCode,
    noteDetails: support.support === 'unsupported' ? undefined : support.noteDetails,
    min: 'min' in support ? support.min : undefined,
    max: 'max' in support ? support.max : undefined,
    default: 'default' in support ? support.default : undefined,
  }
}

/** Every parameter and every further field, by name, with its verdict. */
function verdicts(caps: ModelCapabilities): Record<string, unknown> {
  const all: Record<string, unknown> = {}
  for (const [name, support] of Object.entries(caps.parameters)) all[name] = verdict(support)
  const fields = extraFieldRules(caps.provider, caps.model, caps.parameters)
  for (const [name, support] of Object.entries(fields)) all[name] = verdict(support)
  return all
}

/** What reached the model, one per request (generateContent's body, read as one shape). */
interface Semantics {
  generationConfig?: unknown
  toolConfig?: unknown
  tools?: unknown
  systemInstruction?: unknown
  contents: unknown
}

type Outcome = CrossCloudOutcome<Semantics[]>

const BODY_KEYS = new Set([
  'contents',
  'generationConfig',
  'toolConfig',
  'tools',
  'systemInstruction',
])

function semantics(body: Record<string, any>): Semantics {
  expect(Object.keys(body).filter((key) => !BODY_KEYS.has(key))).toEqual([])
  return {
    generationConfig: body.generationConfig,
    toolConfig: body.toolConfig,
    tools: body.tools,
    systemInstruction: body.systemInstruction,
    contents: body.contents,
  }
}

let fake: GoogleFakeServer
let gemini: Connection
let vertex: Connection
/** Vertex express mode: an API key, publisher paths without a project. */
let express: Connection

beforeAll(async () => {
  fake = await startGoogleFake()
  gemini = { provider: 'gemini', apiKey: fake.apiKey, baseURL: fake.url }
  // A service account whose token_uri is the fake's: the library signs a JWT and exchanges it.
  vertex = {
    provider: 'vertex',
    project: 'parallax-test',
    location: 'us-central1',
    serviceAccountJson: fake.serviceAccount.text,
    baseURL: fake.url,
  }
  express = {
    provider: 'vertex',
    project: '',
    location: 'global',
    apiKey: fake.apiKey,
    baseURL: fake.url,
  }
})
afterAll(() => fake.close())
beforeEach(() => fake.reset())

/** Where each connection sends a model: the Gemini API's, Vertex's project and express paths. */
function pathOf(connection: Connection, model: string): RegExp {
  const call = `${model}:(?:stream)?[gG]enerateContent`
  if (connection.provider === 'gemini') return new RegExp(`^/v1(?:beta)?/models/${call}`)
  const project = connection === express ? '' : 'projects/parallax-test/locations/us-central1/'
  return new RegExp(`^/v1(?:beta1)?/${project}publishers/google/models/${call}`)
}

function outcome(
  connection: Connection,
  model: string,
  extra: Partial<ChatRequest>,
  call: 'complete' | 'stream' = 'complete',
): Promise<Outcome> {
  const request: ChatRequest = { model, messages: SYSTEM, ...extra }
  const path = pathOf(connection, model)
  const read = (received: RecordedRequest[]) =>
    received.map((recorded) => {
      expect(recorded.url).toMatch(path)
      return semantics(recorded.json as Record<string, any>)
    })
  return outcomeOf(connection, fake, request, read, call)
}

describe.each(MODELS)('$kind on the Gemini API and Vertex AI', ({ model }) => {
  it('has the same capabilities on both clouds', () => {
    const onGemini = capabilities('gemini', model)
    const onVertex = capabilities('vertex', model)
    expect(onGemini.known).toBe(true)
    expect(onVertex.known).toBe(true)
    expect(verdicts(onVertex)).toEqual(verdicts(onGemini))
    expect(onVertex.canonicalModel).toBe(onGemini.canonicalModel)
    expect(onVertex.maxOutputTokens).toBe(onGemini.maxOutputTokens)
    expect(onVertex.contextWindow).toBe(onGemini.contextWindow)
    expect(onVertex.reasoning).toBe(onGemini.reasoning)
    expect(onVertex.tools).toBe(onGemini.tools)
    expect(onVertex.modalities).toEqual(onGemini.modalities)
  })

  it.each(REQUESTS)('sends $name alike (or refuses it alike)', async ({ request }) => {
    const onGemini = await outcome(gemini, model, request)
    const onVertex = await outcome(vertex, model, request)
    const onExpress = await outcome(express, model, request)
    expect(onVertex).toEqual(onGemini)
    expect(onExpress).toEqual(onGemini)
    if ('refused' in onGemini) expect(onGemini.requests).toBe(0)
  })

  it('streams alike', async () => {
    const request: Partial<ChatRequest> = { max_tokens: 500, tools: TOOLS, tool_choice: 'auto' }
    const onGemini = await outcome(gemini, model, request, 'stream')
    const onVertex = await outcome(vertex, model, request, 'stream')
    const onExpress = await outcome(express, model, request, 'stream')
    expect(onVertex).toEqual(onGemini)
    expect(onExpress).toEqual(onGemini)
  })
})

describe('the cross-cloud comparison itself', () => {
  it('sees the thinking configuration and the tool mode each request sets', async () => {
    const level = await outcome(vertex, 'gemini-3-flash-preview', { reasoning_effort: 'low' })
    expect(level).toEqual({
      sent: [
        expect.objectContaining({
          generationConfig: { thinkingConfig: { thinkingLevel: 'LOW', includeThoughts: true } },
        }),
      ],
    })
    const budget = await outcome(gemini, 'gemini-2.5-pro', {
      reasoning_effort: 'minimal',
      max_tokens: 4000,
      top_k: 8,
    })
    expect(budget).toEqual({
      sent: [
        expect.objectContaining({
          // minimal is "off", which 2.5 Pro cannot do: its minimum budget.
          generationConfig: {
            maxOutputTokens: 4000,
            topK: 8,
            thinkingConfig: { thinkingBudget: 128, includeThoughts: true },
          },
        }),
      ],
    })
    const named = await outcome(vertex, 'gemini-2.5-flash', {
      tools: TOOLS,
      tool_choice: { type: 'function', function: { name: 'lookup' } },
    })
    expect(named).toEqual({
      sent: [
        expect.objectContaining({
          toolConfig: {
            functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['lookup'] },
          },
          systemInstruction: { parts: [{ text: 'Answer briefly.' }], role: 'user' },
        }),
      ],
    })
    const penalty = await outcome(vertex, 'gemini-2.5-flash', { presence_penalty: 0.5 })
    expect(penalty).toEqual({
      refused: {
        kind: 'unsupported_parameter',
        code: 'model_rejects_parameter',
        parameter: 'presence_penalty',
      },
      requests: 0,
    })
    const emulated = await outcome(gemini, 'gemini-2.5-flash', { n: 3 })
    expect('sent' in emulated && emulated.sent).toHaveLength(3)
  })
})
