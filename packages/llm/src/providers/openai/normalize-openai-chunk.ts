import type {
  Annotation,
  ChoiceLogprobs,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ToolCallDelta,
  Usage,
} from '../../types'
import { mapOpenAIFinishReason } from './map-openai-finish-reason'
import { mapOpenAIUsage } from './map-openai-usage'

interface WireToolCallDelta {
  index?: number
  id?: string | null
  type?: string | null
  function?: { name?: string | null; arguments?: string | null } | null
}

interface WireDelta {
  role?: string | null
  content?: string | null
  refusal?: string | null
  reasoning_content?: string | null
  /** OpenRouter / Ollama spelling of reasoning text. */
  reasoning?: string | null
  tool_calls?: WireToolCallDelta[] | null
  /** URL citations of search models. */
  annotations?: Annotation[] | null
}

interface WireChoice {
  index?: number
  delta?: WireDelta | null
  finish_reason?: string | null
  logprobs?: ChoiceLogprobs | null
}

interface WireChunk {
  id?: string
  created?: number
  model?: string
  choices?: WireChoice[] | null
  usage?: Parameters<typeof mapOpenAIUsage>[0]
  system_fingerprint?: string | null
}

interface ChoiceState {
  roleSent: boolean
  /** Wire tool-call index → the call's id and our index. */
  tools: Map<number, { id: string; index: number; generated: boolean }>
  nextTool: number
}

/**
 * Turns the chunks of any OpenAI-style stream into our chunks: drops Azure's
 * `prompt_filter_results` chunk and other empty ones, sends the assistant role once per choice,
 * folds `delta.reasoning` into `reasoning_content`, repairs tool-call deltas that repeat their
 * header (OpenRouter) or reuse an index for a new call, and holds usage back for one last chunk.
 */
export class OpenAIChunkNormalizer {
  private readonly choices = new Map<number, ChoiceState>()
  /** Choice 0's state, which nearly every chunk is about. */
  private first: ChoiceState | undefined
  private id = ''
  private created = 0
  private model: string
  private usage: Usage | undefined
  sawFinish = false

  constructor(requestedModel: string) {
    this.model = requestedModel
  }

  /** Our chunk for a wire chunk, or undefined when it carries nothing for the caller. */
  next(wire: unknown): ChatCompletionChunk | undefined {
    const chunk = wire as WireChunk
    if (chunk.id) this.id = chunk.id
    if (chunk.created) this.created = chunk.created
    if (chunk.model) this.model = chunk.model
    if (chunk.usage) this.usage = mapOpenAIUsage(chunk.usage)

    const wireChoices = chunk.choices
    if (!Array.isArray(wireChoices)) return undefined
    let choices: ChatCompletionChunkChoice[] | undefined
    for (let i = 0; i < wireChoices.length; i++) {
      const wireChoice = wireChoices[i]
      // A malformed entry (null, a string) carries nothing to map.
      if (wireChoice === null || typeof wireChoice !== 'object') continue
      const mapped = this.mapChoice(wireChoice)
      if (mapped) (choices ??= []).push(mapped)
    }
    if (!choices) return undefined
    const out: ChatCompletionChunk = {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices,
    }
    if (chunk.system_fingerprint) out.system_fingerprint = chunk.system_fingerprint
    return out
  }

  /** The trailing `choices: []` chunk carrying usage, once the stream has ended properly. */
  finalUsageChunk(): ChatCompletionChunk | undefined {
    if (!this.usage) return undefined
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [],
      usage: this.usage,
    }
  }

  private mapChoice(choice: WireChoice): ChatCompletionChunkChoice | undefined {
    const index = choice.index ?? 0
    let state = index === 0 ? this.first : this.choices.get(index)
    if (!state) {
      state = { roleSent: false, tools: new Map(), nextTool: 0 }
      this.choices.set(index, state)
      if (index === 0) this.first = state
    }
    const wire = choice.delta
    const finishReason = choice.finish_reason
    const finish = mapOpenAIFinishReason(finishReason)
    if (finish) this.sawFinish = true
    const logprobs = choice.logprobs
    // Built field by field (no spreads): this runs for every chunk.
    let delta: ChatCompletionChunkChoice['delta'] = {}
    let useful = false
    if (wire) {
      const content = wire.content
      if (typeof content === 'string' && content !== '') {
        delta.content = content
        useful = true
      }
      const reasoning = wire.reasoning_content ?? wire.reasoning
      if (typeof reasoning === 'string' && reasoning !== '') {
        delta.reasoning_content = reasoning
        useful = true
      }
      const refusal = wire.refusal
      if (typeof refusal === 'string' && refusal !== '') {
        delta.refusal = refusal
        useful = true
      }
      const toolCalls = wire.tool_calls
      if (Array.isArray(toolCalls) && toolCalls.length > 0) {
        const calls: ToolCallDelta[] = []
        for (let i = 0; i < toolCalls.length; i++) {
          const call = toolCalls[i]
          if (call !== null && typeof call === 'object') calls.push(this.mapToolCall(state, call))
        }
        if (calls.length > 0) {
          delta.tool_calls = calls
          useful = true
        }
      }
      const annotations = wire.annotations
      if (annotations?.length) {
        delta.annotations = annotations
        useful = true
      }
    }
    if (!state.roleSent && (useful || wire?.role === 'assistant')) {
      state.roleSent = true
      delta = { role: 'assistant', ...delta }
    } else if (!useful && !finish && !logprobs) return undefined
    const out: ChatCompletionChunkChoice = { index, delta, finish_reason: finish }
    if (finish) out.provider_finish_reason = finishReason
    if (logprobs) out.logprobs = logprobs
    return out
  }

  private mapToolCall(state: ChoiceState, call: WireToolCallDelta): ToolCallDelta {
    const wireIndex = call.index ?? 0
    const id = call.id || undefined
    let slot = state.tools.get(wireIndex)
    // Some servers put every call at index 0 and tell them apart only by id.
    const fresh = !slot || (id !== undefined && !slot.generated && id !== slot.id)
    if (fresh || !slot) {
      const generated = id === undefined
      slot = {
        id: id ?? `call_${this.id || 'stream'}_${state.nextTool}`,
        index: state.nextTool++,
        generated,
      }
      state.tools.set(wireIndex, slot)
    }
    const out: ToolCallDelta = { index: slot.index }
    const name = call.function?.name
    const args = call.function?.arguments
    if (fresh) {
      out.id = slot.id
      out.type = 'function'
    }
    // A repeated header (same id again) carries the name again: send only the arguments.
    if ((fresh && typeof name === 'string') || typeof args === 'string') {
      out.function = {}
      if (fresh && typeof name === 'string') out.function.name = name
      if (typeof args === 'string') out.function.arguments = args
    }
    return out
  }
}
