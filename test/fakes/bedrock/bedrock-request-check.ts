import {
  claudeIdOfBedrock,
  isAdaptiveOnlyClaude,
  missingThinkingBlock,
  thinkingIsOn,
  thinkingOf,
} from '../claude-thinking'
import { CONVERSE_FAKE_SIGNATURE } from './converse-render'

/**
 * The Anthropic request fields a Claude model takes through Converse's
 * `additionalModelRequestFields` (its InvokeModel body fields that Converse does not already carry
 * in inferenceConfig / toolConfig, plus the ones it does).
 */
const CLAUDE_ADDITIONAL_FIELDS = [
  'anthropic_beta',
  'top_k',
  'thinking',
  'output_config',
  'tool_choice',
  'stop_sequences',
  'temperature',
  'top_p',
]

/** Bedrock wraps what the model refuses in this prefix (see rubyllm-error-400-validation-input-tokens.json). */
const MODEL_SAYS = 'The model returned the following errors: '

interface ConverseBody {
  messages?: { role?: string; content?: Record<string, unknown>[] }[]
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number }
  additionalModelRequestFields?: Record<string, unknown>
}

/**
 * What Bedrock refuses in a Converse request to a Claude model (400 ValidationException), with the
 * messages reported from the live service: an extra key in additionalModelRequestFields (Claude 3:
 * "Malformed input request: #: extraneous key [x] is not permitted …", BerriAI/litellm#7416; later
 * Claude: "x: Extra inputs are not permitted", BerriAI/litellm#15637), sampling on adaptive-only
 * models ("temperature is deprecated for this model.", DayuanJiang/next-ai-draw-io#861), manual
 * thinking on them (openclaw/openclaw#87801), a budget not below maxTokens, sampling with
 * thinking on (n8n-io/n8n#14288), and with thinking on a tool-result turn whose assistant message
 * does not start with its signed reasoningContent (the model's own message, as
 * anomalyco/opencode#3077 quotes it). Returns the message, or undefined when the request passes.
 */
export function checkConverseRequest(modelId: string, json: unknown): string | undefined {
  const claude = claudeIdOfBedrock(modelId)
  if (!claude || !json || typeof json !== 'object') return undefined
  const body = json as ConverseBody
  const extra = body.additionalModelRequestFields ?? {}
  const inference = body.inferenceConfig ?? {}

  const unknown = Object.keys(extra).find((name) => !CLAUDE_ADDITIONAL_FIELDS.includes(name))
  if (unknown !== undefined) {
    return claude.startsWith('claude-3')
      ? `${MODEL_SAYS}Malformed input request: #: extraneous key [${unknown}] is not permitted, please reformat your input and try again.`
      : `${MODEL_SAYS}${unknown}: Extra inputs are not permitted`
  }

  const thinking = thinkingOf(extra.thinking)
  const temperature = inference.temperature ?? extra.temperature
  const topP = inference.topP ?? extra.top_p
  if (isAdaptiveOnlyClaude(claude)) {
    if (temperature !== undefined) return `${MODEL_SAYS}temperature is deprecated for this model.`
    if (topP !== undefined) return `${MODEL_SAYS}top_p is deprecated for this model.`
    if (extra.top_k !== undefined) return `${MODEL_SAYS}top_k is deprecated for this model.`
    if (thinking?.type === 'enabled') {
      return '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.'
    }
  }
  if (thinking?.type === 'enabled' && typeof thinking.budget_tokens === 'number') {
    if (thinking.budget_tokens < 1024) {
      return `${MODEL_SAYS}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`
    }
    if (typeof inference.maxTokens === 'number' && thinking.budget_tokens >= inference.maxTokens) {
      return `${MODEL_SAYS}\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size`
    }
  }
  if (thinkingIsOn(thinking)) {
    if (typeof temperature === 'number' && temperature !== 1) {
      return `${MODEL_SAYS}temperature may only be set to 1 when thinking is enabled.`
    }
    if (topP !== undefined) return `${MODEL_SAYS}top_p must be unset when thinking is enabled.`
    if (extra.top_k !== undefined)
      return `${MODEL_SAYS}top_k must be unset when thinking is enabled.`
    const missing = missingThinkingBlock(claudeMessagesOf(body), CONVERSE_FAKE_SIGNATURE)
    if (missing) return `${MODEL_SAYS}${missing}`
  }
  return undefined
}

/** Converse messages as the Claude Messages blocks Bedrock turns them into. */
function claudeMessagesOf(body: ConverseBody): { role?: string; content: unknown[] }[] {
  return (body.messages ?? []).map((message) => ({
    role: message.role,
    content: (message.content ?? []).map((block) => {
      const reasoning = block.reasoningContent as
        { reasoningText?: { signature?: string }; redactedContent?: unknown } | undefined
      if (reasoning?.redactedContent !== undefined) return { type: 'redacted_thinking' }
      if (reasoning) return { type: 'thinking', signature: reasoning.reasoningText?.signature }
      if (block.toolUse) return { type: 'tool_use' }
      if (block.toolResult) return { type: 'tool_result' }
      if (block.image) return { type: 'image' }
      return { type: 'text' }
    }),
  }))
}
