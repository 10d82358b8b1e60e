import type { ProviderId } from '@parallax/llm'
import type { ImageSize } from './image-size'

/** Whose published rule prices an image for a target. */
export type ImageRule = 'openai' | 'anthropic' | 'gemini' | 'nova' | 'nova-2'

/** The image rule of a provider's model (Claude on Bedrock or Vertex counts as Anthropic's). */
export function imageRuleOf(provider: ProviderId, model: string): ImageRule {
  const id = model.toLowerCase()
  switch (provider) {
    case 'anthropic':
      return 'anthropic'
    case 'gemini':
      return 'gemini'
    case 'vertex':
      return id.includes('claude') ? 'anthropic' : 'gemini'
    case 'bedrock':
      if (id.includes('nova-2')) return 'nova-2'
      if (id.includes('nova')) return 'nova'
      // Claude and the other Converse models: Anthropic's rule is the closest published one.
      return 'anthropic'
    case 'openai':
    case 'azure':
    case 'openai-compatible':
      return 'openai'
  }
}

/** What an image counts as when its header cannot be read: a 1024 × 1024 picture. */
export const UNKNOWN_IMAGE_SIZE: ImageSize = { width: 1024, height: 1024 }

/** The input tokens one image costs under a provider's published rule. */
export function imageTokens(rule: ImageRule, size: ImageSize | null): number {
  const { width, height } = size ?? UNKNOWN_IMAGE_SIZE
  switch (rule) {
    case 'openai':
      return openaiImageTokens(width, height)
    case 'anthropic':
      return anthropicImageTokens(width, height)
    case 'gemini':
      return geminiImageTokens(width, height)
    case 'nova':
      return novaImageTokens(width, height)
    case 'nova-2':
      return NOVA_2_IMAGE_TOKENS
  }
}

/**
 * OpenAI, detail "high" (what "auto", the default Parallax sends, picks for all but tiny images):
 * fit within 2048 × 2048, then scale the shortest side down to 768 px; 85 tokens plus 170 per
 * 512-px tile. Detail "low" is a flat 85.
 * https://platform.openai.com/docs/guides/images-vision#calculating-costs
 */
export function openaiImageTokens(width: number, height: number, detail: 'high' | 'low' = 'high') {
  if (detail === 'low') return 85
  let w = width
  let h = height
  const fit = Math.min(1, 2048 / Math.max(w, h))
  w *= fit
  h *= fit
  const shortest = Math.min(1, 768 / Math.min(w, h))
  w *= shortest
  h *= shortest
  const tiles = Math.ceil(w / 512) * Math.ceil(h / 512)
  return 85 + 170 * tiles
}

/**
 * Anthropic: an image whose long edge passes 1568 px is scaled down to it, and one that would
 * still cost more than about 1,600 tokens is scaled down to that; tokens ≈ width × height / 750.
 * https://docs.anthropic.com/en/docs/build-with-claude/vision#calculate-image-costs
 */
export function anthropicImageTokens(width: number, height: number): number {
  const fit = Math.min(1, 1568 / Math.max(width, height))
  const tokens = Math.ceil((width * fit * (height * fit)) / 750)
  return Math.min(tokens, ANTHROPIC_MAX_IMAGE_TOKENS)
}
const ANTHROPIC_MAX_IMAGE_TOKENS = 1600

/**
 * Gemini (2.0 and later): 258 tokens when both sides are at most 384 px, else the image is cut
 * into 768 × 768 tiles of 258 tokens each.
 * https://ai.google.dev/gemini-api/docs/tokens#multimodal-tokens
 */
export function geminiImageTokens(width: number, height: number): number {
  if (width <= 384 && height <= 384) return 258
  return Math.ceil(width / 768) * Math.ceil(height / 768) * 258
}

/**
 * Amazon Nova (version 1) publishes examples, not a formula: the image is rescaled (at least one
 * side past 896 px) to its closest aspect ratio, and 900×450 ≈ 800 tokens, 900×900 ≈ 1,300,
 * 1400×900 ≈ 1,800, 1800×900 ≈ 2,400, 1300×1300 ≈ 2,600. The example nearest in pixel count.
 * https://docs.aws.amazon.com/nova/latest/userguide/modalities-image.html
 */
export function novaImageTokens(width: number, height: number): number {
  const grow = Math.max(1, 900 / Math.max(width, height))
  const pixels = width * grow * (height * grow)
  let best = NOVA_EXAMPLES[0] as (typeof NOVA_EXAMPLES)[number]
  for (const example of NOVA_EXAMPLES) {
    if (Math.abs(example.pixels - pixels) < Math.abs(best.pixels - pixels)) best = example
  }
  return best.tokens
}
const NOVA_EXAMPLES = [
  { pixels: 900 * 450, tokens: 800 },
  { pixels: 900 * 900, tokens: 1300 },
  { pixels: 1400 * 900, tokens: 1800 },
  { pixels: 1800 * 900, tokens: 2400 },
  { pixels: 1300 * 1300, tokens: 2600 },
] as const

/**
 * Amazon Nova 2 bills every image at a flat 230 tokens, whatever its size.
 * https://docs.aws.amazon.com/nova/latest/nova2-userguide/using-multimodal-models.html
 */
export const NOVA_2_IMAGE_TOKENS = 230
