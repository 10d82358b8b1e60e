import type { ModelCapabilitiesView } from '../../../shared/model-schemas'

/** Tokens a chat message costs beyond its text (role markers and separators). */
export const MESSAGE_OVERHEAD_TOKENS = 4

// Tokenizers give a Hangul syllable, a Han character or a kana about one token each.
const CJK = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

/**
 * A rough token count without a tokenizer: about 4 characters per token for Latin text, one per
 * CJK or Hangul character, plus a message's overhead. Empty text counts as no message.
 */
export function estimateTokens(text: string): number {
  if (text.trim() === '') return 0
  let cjk = 0
  let other = 0
  for (const char of text) {
    if (CJK.test(char)) cjk += 1
    else other += 1
  }
  return cjk + Math.ceil(other / 4) + MESSAGE_OVERHEAD_TOKENS
}

/** What sending that many input tokens costs, or null when the model's price is unknown. */
export function estimateCostUsd(
  tokensIn: number,
  capabilities: Pick<ModelCapabilitiesView, 'price'> | null,
): number | null {
  const price = capabilities?.price
  if (!price) return null
  return (tokensIn * price.inputPerMTok) / 1_000_000
}
