/**
 * Gemini 3 (and 2.5 with thinking) attach an opaque `thoughtSignature` to function-call parts and
 * reject a later turn whose function call lacks it. The answer carries it in `reasoning_details`
 * (by tool call id), which callers send back; it is also remembered here by the tool call id we
 * handed out (memory only, bounded) for callers that do not keep it. When neither has it
 * (another process, an old history) the documented placeholder is sent instead, which the API
 * accepts for calls it did not produce.
 */
const MAX_ENTRIES = 2000
const signatures = new Map<string, string>()

/** Google's documented placeholder for function calls that carry no real signature. */
export const SKIP_SIGNATURE = 'skip_thought_signature_validator'

export function rememberSignature(toolCallId: string, signature: string | undefined): void {
  if (!signature) return
  signatures.delete(toolCallId)
  signatures.set(toolCallId, signature)
  if (signatures.size > MAX_ENTRIES) {
    const oldest = signatures.keys().next().value
    if (oldest !== undefined) signatures.delete(oldest)
  }
}

export function signatureFor(toolCallId: string): string | undefined {
  return signatures.get(toolCallId)
}

/** Forgets every remembered signature (tests: what a new process starts with). */
export function forgetThoughtSignatures(): void {
  signatures.clear()
}
