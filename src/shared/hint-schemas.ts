import { z } from 'zod'

/**
 * What to do about a failure, as the library's LlmError gives it: `hintCode` (one of the
 * library's LLM_HINT_CODES, as any text) with `hintDetails`, which the screen words in the
 * person's language, and `hint`, the same in English for a code the screen does not know.
 * test/types/layer-pairs.ts checks that the library's fields fit.
 */
export const HintFieldsSchema = z.object({
  hint: z.string().optional(),
  hintCode: z.string().min(1).optional(),
  /** Names and numbers the worded hint shows (provider, region, package, parameter …). */
  hintDetails: z.record(z.string(), z.string()).optional(),
})
export type HintFields = z.infer<typeof HintFieldsSchema>
