/** Which Gemini generation a model id belongs to, and how its thinking is configured. */

export type GeminiFamily = 'gemini-3' | 'gemini-2.5' | 'other'

/** The bare model id: `models/x`, `publishers/google/models/x` and full resource names → `x`. */
export function bareModelId(model: string): string {
  const slash = model.lastIndexOf('/')
  return slash === -1 ? model : model.slice(slash + 1)
}

export function geminiFamily(model: string): GeminiFamily {
  const id = bareModelId(model)
  if (/^gemini-3(?:[.-]|$)/.test(id)) return 'gemini-3'
  if (/^gemini-2\.5(?:-|$)/.test(id)) return 'gemini-2.5'
  return 'other'
}

/** Thinking-budget range of a Gemini 2.5 model (tokens); `min: 0` means thinking can be turned off. */
export function thinkingBudgetRange(model: string): { min: number; max: number } {
  const id = bareModelId(model)
  if (id.startsWith('gemini-2.5-pro')) return { min: 128, max: 32_768 }
  if (id.startsWith('gemini-2.5-flash-lite')) return { min: 0, max: 24_576 }
  return { min: 0, max: 24_576 }
}

/** The thinking levels a Gemini 3 model accepts (reasoning_effort values). */
export function thinkingLevels(model: string): readonly string[] {
  const id = bareModelId(model)
  if (/^gemini-3(?:\.\d+)?-pro/.test(id)) {
    return id.startsWith('gemini-3-pro') ? ['low', 'high'] : ['low', 'medium', 'high']
  }
  return ['minimal', 'low', 'medium', 'high']
}
