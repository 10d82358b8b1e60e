import { randomBytes } from 'node:crypto'

/** What the fake's thought signatures start with once decoded (real ones are opaque base64). */
const ISSUED = 'parallax-fake-thought:'

/** Google's documented placeholder for function calls it did not produce (always accepted). */
const SKIP = 'skip_thought_signature_validator'

/** A fresh thought signature the fake will take back. */
export function fakeThoughtSignature(): string {
  return Buffer.concat([Buffer.from(ISSUED), randomBytes(72)]).toString('base64')
}

const issued = (signature: string) =>
  signature === SKIP || Buffer.from(signature, 'base64').toString('latin1').startsWith(ISSUED)

interface Part {
  text?: string
  functionCall?: { name?: string }
  functionResponse?: unknown
  thoughtSignature?: string
  thought_signature?: string
}

/**
 * Gemini 3's rule (ai.google.dev/gemini-api/docs/thought-signatures): in the current turn (the
 * contents after the last user text), the first functionCall part of each model step must carry
 * the thoughtSignature it came with; a signature Google did not issue is refused too. The
 * messages are the live API's (google-gemini/gemini-cli#13467, nanbingxyz/5ire#405). Older models
 * take calls without signatures. Returns the 400 body, else undefined.
 */
export function checkThoughtSignatures(model: string, json: unknown): unknown {
  const contents = (json as { contents?: { role?: string; parts?: Part[] }[] } | null)?.contents
  if (!Array.isArray(contents)) return undefined
  for (const content of contents) {
    for (const part of content.parts ?? []) {
      const signature = part.thoughtSignature ?? part.thought_signature
      if (signature !== undefined && !issued(signature))
        return refusal('Corrupted thought signature.')
    }
  }
  if (!/(^|\/)gemini-3/.test(model)) return undefined
  const turnStart = contents.findLastIndex(
    (content) => content.role === 'user' && (content.parts ?? []).some((part) => part.text),
  )
  for (let i = turnStart + 1; i < contents.length; i++) {
    const content = contents[i]
    if (content?.role !== 'model') continue
    const first = (content.parts ?? []).find((part) => part.functionCall)
    if (first && !(first.thoughtSignature ?? first.thought_signature)) {
      return refusal(
        'Function call is missing a thought_signature in functionCall parts. This is required for ' +
          'tools to work correctly, and missing thought_signature may lead to degraded model ' +
          `performance. Additional data, function call \`default_api:${first.functionCall?.name ?? ''}\` ` +
          `, position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      )
    }
  }
  return undefined
}

function refusal(message: string): unknown {
  return { error: { code: 400, message, status: 'INVALID_ARGUMENT' } }
}
