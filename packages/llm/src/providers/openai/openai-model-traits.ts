/**
 * What a model id says about an OpenAI model. Azure deployments are usually named after their
 * model, so the same test is used on deployment names.
 */
export interface OpenAIModelTraits {
  /** o-series and GPT-5 reasoning models: max_completion_tokens, no sampling parameters. */
  reasoning: boolean
  /** GPT-5 family models accept reasoning_effort 'minimal'. */
  gpt5: boolean
}

/** gpt-5, gpt-5.4-mini, o3, o4-mini, o1-pro… but not gpt-5-chat-latest (a non-reasoning chat model). */
const REASONING = /^(?:o[1-9](?:$|[-_.])|gpt-5(?:$|[-_.]))/
const CHAT_VARIANT = /(?:^|[-_.])chat(?:$|[-_.])/

export function openaiModelTraits(model: string): OpenAIModelTraits {
  const id = model
    .trim()
    .toLowerCase()
    .replace(/^openai\//, '')
  const reasoning = REASONING.test(id) && !CHAT_VARIANT.test(id)
  return { reasoning, gpt5: reasoning && id.startsWith('gpt-5') }
}
