import type { ReasoningDetail } from '../../types'

/** The `format` of Gemini thought signatures (Gemini API and Vertex); only these go back to Google. */
export const GOOGLE_REASONING_FORMAT = 'google-gemini-v1'

/** A thought signature as a reasoning item, tied to its tool call id (none: a text part's). */
export function signatureDetail(
  signature: string,
  toolCallId: string | undefined,
  index: number,
): ReasoningDetail {
  return {
    type: 'reasoning.encrypted',
    data: signature,
    format: GOOGLE_REASONING_FORMAT,
    index,
    ...(toolCallId ? { id: toolCallId } : {}),
  }
}

/** The Gemini thought signatures an assistant message carries: by tool call id, and its text's. */
export function signaturesOf(details: readonly ReasoningDetail[] | null | undefined): {
  byCall: Map<string, string>
  text: string | undefined
} {
  const byCall = new Map<string, string>()
  let text: string | undefined
  for (const item of details ?? []) {
    if (item.format !== GOOGLE_REASONING_FORMAT || item.type !== 'reasoning.encrypted') continue
    if (!item.data) continue
    if (item.id) byCall.set(item.id, item.data)
    else text ??= item.data
  }
  return { byCall, text }
}
