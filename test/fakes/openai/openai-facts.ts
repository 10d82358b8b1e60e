import type { FakeScript } from '../fake-script'
import type { FakeTokenLogprob } from '../fake-facts'

function tokenOf(token: { token: string; logprob: number }) {
  return {
    token: token.token,
    logprob: token.logprob,
    bytes: [...Buffer.from(token.token, 'utf8')],
  }
}

/** `choice.logprobs` as OpenAI sends it for these tokens. */
export function openAILogprobs(tokens: FakeTokenLogprob[]): Record<string, unknown> {
  return {
    content: tokens.map((token) => ({
      ...tokenOf(token),
      top_logprobs: (token.top ?? []).map(tokenOf),
    })),
    refusal: null,
  }
}

/** The logprobs of the stream chunk carrying text entry `index`, or null. */
export function streamLogprobs(script: FakeScript, index: number): Record<string, unknown> | null {
  const token = script.facts?.logprobs?.[index]
  return token ? openAILogprobs([token]) : null
}

/** `message.annotations`: each scripted citation covers the whole answer text. */
export function openAIAnnotations(script: FakeScript): Record<string, unknown>[] {
  const length = script.text?.join('').length ?? 0
  return (script.facts?.citations ?? []).map((citation) => ({
    type: 'url_citation',
    url_citation: { end_index: length, start_index: 0, title: citation.title, url: citation.url },
  }))
}

/** Puts the scripted facts on a non-streamed choice and its message. */
export function addOpenAIFacts(
  script: FakeScript,
  choice: Record<string, unknown>,
  message: Record<string, unknown>,
): void {
  const facts = script.facts
  if (!facts) return
  if (facts.providerFinishReason) choice.finish_reason = facts.providerFinishReason
  if (facts.logprobs) choice.logprobs = openAILogprobs(facts.logprobs)
  if (facts.refusal) message.refusal = facts.refusal
  message.annotations = openAIAnnotations(script)
}

/** The deltas a stream sends for the facts after the text: the refusal, then the annotations. */
export function openAIFactDeltas(script: FakeScript): Record<string, unknown>[] {
  const deltas: Record<string, unknown>[] = []
  if (script.facts?.refusal) deltas.push({ refusal: script.facts.refusal })
  const annotations = openAIAnnotations(script)
  if (annotations.length) deltas.push({ annotations })
  return deltas
}
