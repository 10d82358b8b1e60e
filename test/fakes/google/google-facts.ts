import type { FakeTokenLogprob } from '../fake-facts'
import type { FakeScript } from '../fake-script'

function logprobsResult(tokens: FakeTokenLogprob[]): Record<string, unknown> {
  let id = 1000
  const candidateOf = (token: { token: string; logprob: number }) => ({
    token: token.token,
    tokenId: id++,
    logProbability: token.logprob,
  })
  return {
    topCandidates: tokens.map((token) => ({ candidates: (token.top ?? []).map(candidateOf) })),
    chosenCandidates: tokens.map(candidateOf),
  }
}

/** Gemini counts segment offsets in UTF-8 bytes and leaves a zero out. */
function byteOffset(bytes: number): Record<string, number> {
  return bytes ? { startIndex: bytes } : {}
}

/** Search grounding as Gemini sends it: each source a chunk, one support over the whole text. */
function groundingMetadata(script: FakeScript): Record<string, unknown> {
  const citations = script.facts?.citations ?? []
  const text = script.text?.join('') ?? ''
  return {
    webSearchQueries: ['fake query'],
    groundingChunks: citations.map((c) => ({ web: { uri: c.url, title: c.title } })),
    groundingSupports: [
      {
        segment: { ...byteOffset(0), endIndex: Buffer.byteLength(text, 'utf8'), text },
        groundingChunkIndices: citations.map((_, index) => index),
      },
    ],
  }
}

/**
 * The scripted facts of stream event `event` (or of a whole answer: every token, `last`): its
 * tokens' `logprobsResult`, and on the last event the safety ratings and grounding.
 */
export function googleCandidateFacts(
  script: FakeScript,
  event: number | 'all',
  last: boolean,
): Record<string, unknown> {
  const facts = script.facts
  if (!facts) return {}
  const out: Record<string, unknown> = {}
  if (facts.logprobs) {
    // Stream events carry the reasoning parts first, then one text entry each.
    const textIndex = event === 'all' ? -1 : event - (script.reasoning?.length ?? 0)
    const tokens = event === 'all' ? facts.logprobs : facts.logprobs.slice(textIndex, textIndex + 1)
    if (tokens.length || event === 'all') {
      out.logprobsResult = logprobsResult(tokens)
      if (event === 'all') {
        const sum = tokens.reduce((total, token) => total + token.logprob, 0)
        out.avgLogprobs = tokens.length ? sum / tokens.length : 0
      }
    }
  }
  if (last && facts.safetyRatings) out.safetyRatings = facts.safetyRatings
  if (last && facts.citations?.length) out.groundingMetadata = groundingMetadata(script)
  return out
}
