import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages'
import {
  isAdaptiveOnlyClaude,
  missingThinkingBlock,
  thinkingIsOn,
  thinkingOf,
} from '../claude-thinking'

/** The body fields of a Messages request, typed from the installed SDK (header params left out). */
const BODY_FIELDS: Record<
  Exclude<keyof MessageCreateParamsBase, 'user_profile_id' | 'workspace_id'>,
  true
> = {
  max_tokens: true,
  messages: true,
  model: true,
  cache_control: true,
  container: true,
  diagnostics: true,
  inference_geo: true,
  metadata: true,
  output_config: true,
  service_tier: true,
  speed: true,
  stop_sequences: true,
  stream: true,
  system: true,
  thinking: true,
  tool_choice: true,
  tools: true,
}

/** Fields that exist only behind an `anthropic-beta` header. */
const BETA_FIELDS = ['mcp_servers', 'context_management']

/**
 * Sampling fields. API version 2026-10-21 (what @anthropic-ai/sdk 1.x sends) removed them: any of
 * them, even temperature 1.0, is "temperature: Extra inputs are not permitted" on every model
 * (Anthropic's 2026-10-21 migration notes as reported in
 * https://qiita.com/Synthorai/items/01a0067e88747257a4e6 and
 * https://developersdigest.tech/blog/claude-api-version-2026-10-21-sdk-migration; the SDK's
 * MessageCreateParams no longer has them). On 2023-06-01 they are accepted by models before
 * Claude Opus 4.7.
 */
const SAMPLING = ['temperature', 'top_p', 'top_k']
export const SAMPLING_FREE_VERSION = '2026-10-21'

const THINKING_DOCS = 'https://platform.claude.com/docs/en/build-with-claude/extended-thinking'

export interface AnthropicRefusal {
  status: number
  type: string
  message: string
}

const refuse = (message: string): AnthropicRefusal => ({
  status: 400,
  type: 'invalid_request_error',
  message,
})

/**
 * What the Messages API refuses before generating, with its real messages (each quoted from
 * public reports of the live API): unknown fields, sampling on 2026-10-21 or on adaptive-only
 * models, manual thinking on adaptive-only models, a thinking budget below 1024 or not below
 * max_tokens, temperature ≠ 1 / top_k / top_p with thinking on, and, with thinking on, a turn
 * continued with tool results whose assistant message does not start with its signed thinking.
 */
export function checkMessagesRequest(
  body: Record<string, unknown>,
  version: string,
  beta: boolean,
): AnthropicRefusal | undefined {
  const accepted = (name: string) =>
    Object.hasOwn(BODY_FIELDS, name) ||
    (beta && BETA_FIELDS.includes(name)) ||
    (version !== SAMPLING_FREE_VERSION && SAMPLING.includes(name))
  const unknown = Object.keys(body).find((name) => !accepted(name))
  if (unknown !== undefined) return refuse(`${unknown}: Extra inputs are not permitted`)

  const model = String(body.model ?? '')
  const thinking = thinkingOf(body.thinking)
  if (isAdaptiveOnlyClaude(model)) {
    // "`temperature` is deprecated for this model." (Claude Opus 4.7 and later, 2023-06-01).
    const sampling = SAMPLING.find((name) => body[name] !== undefined)
    if (sampling) return refuse(`\`${sampling}\` is deprecated for this model.`)
    if (thinking?.type === 'enabled') {
      return refuse(
        '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
      )
    }
  }
  if (thinking?.type === 'enabled' && typeof thinking.budget_tokens === 'number') {
    if (thinking.budget_tokens < 1024) {
      return refuse('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024')
    }
    if (typeof body.max_tokens === 'number' && thinking.budget_tokens >= body.max_tokens) {
      return refuse(
        `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOCS}#max-tokens-and-context-window-size`,
      )
    }
  }
  if (thinkingIsOn(thinking)) {
    if (typeof body.temperature === 'number' && body.temperature !== 1) {
      return refuse(
        `\`temperature\` may only be set to 1 when thinking is enabled or in adaptive mode. Please consult our documentation at ${THINKING_DOCS}`,
      )
    }
    for (const name of ['top_k', 'top_p']) {
      if (body[name] !== undefined) {
        return refuse(
          `\`${name}\` must be unset when thinking is enabled. Please consult our documentation at ${THINKING_DOCS}#important-considerations-when-using-extended-thinking`,
        )
      }
    }
    const missing = missingThinkingBlock(body.messages)
    if (missing) return refuse(missing)
  }
  return undefined
}
