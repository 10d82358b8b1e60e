import type { GenerationConfig } from '@google/genai'

/** GenerateContentRequest's top-level fields (what @google/genai 3.x can put there, Gemini and Vertex). */
const REQUEST_FIELDS = new Set([
  'model',
  'contents',
  'tools',
  'toolConfig',
  'safetySettings',
  'systemInstruction',
  'generationConfig',
  'cachedContent',
  'labels',
  'serviceTier',
  'store',
  'continuationToken',
  'modelArmorConfig',
  'outputConfig',
])

/** generationConfig's fields, typed from the installed SDK: an SDK upgrade breaks the build here. */
const GENERATION_CONFIG_FIELDS: Record<keyof GenerationConfig, true> & { imageConfig: true } = {
  modelSelectionConfig: true,
  responseJsonSchema: true,
  audioTranscriptionConfig: true,
  audioTimestamp: true,
  candidateCount: true,
  enableAffectiveDialog: true,
  frequencyPenalty: true,
  logprobs: true,
  maxOutputTokens: true,
  mediaResolution: true,
  presencePenalty: true,
  responseFormat: true,
  responseLogprobs: true,
  responseMimeType: true,
  responseModalities: true,
  responseSchema: true,
  routingConfig: true,
  seed: true,
  speechConfig: true,
  stopSequences: true,
  temperature: true,
  thinkingConfig: true,
  topK: true,
  topP: true,
  enableEnhancedCivicAnswers: true,
  translationConfig: true,
  // Set by the SDK from GenerateContentConfig.imageConfig; not on its GenerationConfig type.
  imageConfig: true,
}

/** Proto JSON takes a field by its lowerCamel or its original snake_case name. */
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * Google's answer to unknown fields (proto JSON parsing), as the live API words it: one
 * `Invalid JSON payload received. Unknown name "x" at 'generation_config': Cannot find field.`
 * per field, joined by newlines, each also a BadRequest fieldViolation (a top-level field has no
 * "at …" and no `field`). Seen in zed-industries/zed#44875, gera2ld/ai.nvim#13,
 * fishjar/kiss-translator#256.
 */
export function checkGenerateContentRequest(
  json: unknown,
): { status: number; body: unknown } | undefined {
  if (!json || typeof json !== 'object') return undefined
  const body = json as Record<string, unknown>
  const violations: { field?: string; description: string }[] = []
  for (const name of Object.keys(body)) {
    if (!REQUEST_FIELDS.has(camel(name))) {
      violations.push({
        description: `Invalid JSON payload received. Unknown name "${name}": Cannot find field.`,
      })
    }
  }
  const config = body.generationConfig ?? body.generation_config
  if (config && typeof config === 'object') {
    for (const name of Object.keys(config)) {
      if (!Object.hasOwn(GENERATION_CONFIG_FIELDS, camel(name))) {
        violations.push({
          field: 'generation_config',
          description: `Invalid JSON payload received. Unknown name "${name}" at 'generation_config': Cannot find field.`,
        })
      }
    }
  }
  if (violations.length === 0) return undefined
  return {
    status: 400,
    body: {
      error: {
        code: 400,
        message: violations.map((v) => v.description).join('\n'),
        status: 'INVALID_ARGUMENT',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations },
        ],
      },
    },
  }
}
