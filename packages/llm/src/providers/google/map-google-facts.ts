import type {
  Candidate,
  GenerateContentResponse,
  LogprobsResult,
  SafetyRating as WireRating,
} from '@google/genai'
import type {
  Annotation,
  ChoiceLogprobs,
  SafetyFacts,
  SafetyRating,
  TokenLogprob,
} from '../../types'

/**
 * The facts of a Gemini answer beyond its text: the raw finishReason, the tokens' log
 * probabilities (`logprobsResult`), safety ratings and prompt feedback, and citations
 * (`citationMetadata`) and search grounding (`groundingMetadata`) as annotations.
 */
export interface GoogleFacts {
  provider_finish_reason?: string
  logprobs?: ChoiceLogprobs
  safety?: SafetyFacts
  annotations?: Annotation[]
}

/** What the facts read of a response besides its candidate: its prompt feedback. */
export type WithPromptFeedback = Pick<GenerateContentResponse, 'promptFeedback'>

/** The tokens of one answer (or one stream event) in OpenAI's logprobs shape. */
export function tokenLogprobsOf(result: LogprobsResult | undefined): TokenLogprob[] {
  const chosen = result?.chosenCandidates ?? []
  return chosen.map((token, position): TokenLogprob => {
    const top = result?.topCandidates?.[position]?.candidates
    return {
      token: token.token ?? '',
      logprob: token.logProbability ?? 0,
      bytes: null,
      ...(top
        ? {
            top_logprobs: top.map((alt) => ({
              token: alt.token ?? '',
              logprob: alt.logProbability ?? 0,
              bytes: null,
            })),
          }
        : {}),
    }
  })
}

function ratingOf(wire: WireRating): SafetyRating {
  return {
    category: String(wire.category ?? 'HARM_CATEGORY_UNSPECIFIED'),
    ...(wire.probability !== undefined ? { probability: String(wire.probability) } : {}),
    ...(wire.probabilityScore !== undefined ? { probability_score: wire.probabilityScore } : {}),
    ...(wire.severity !== undefined ? { severity: String(wire.severity) } : {}),
    ...(wire.severityScore !== undefined ? { severity_score: wire.severityScore } : {}),
    ...(wire.blocked !== undefined ? { blocked: wire.blocked } : {}),
  }
}

/** The candidate's safety ratings and the response's prompt feedback; undefined when neither. */
export function safetyOf(
  candidate: Candidate | undefined,
  response: WithPromptFeedback,
): SafetyFacts | undefined {
  const ratings = candidate?.safetyRatings?.map(ratingOf)
  const feedback = response.promptFeedback
  const promptRatings = feedback?.safetyRatings?.map(ratingOf)
  const prompt =
    feedback?.blockReason || promptRatings?.length
      ? {
          ...(feedback?.blockReason ? { block_reason: String(feedback.blockReason) } : {}),
          ...(promptRatings?.length ? { ratings: promptRatings } : {}),
        }
      : undefined
  if (!ratings?.length && !prompt) return undefined
  return {
    ...(ratings?.length ? { ratings } : {}),
    ...(prompt ? { prompt_feedback: prompt } : {}),
  }
}

/** A UTF-8 byte offset into `text` (how Gemini counts) as a character offset. */
function charOffset(text: string, bytes: number | undefined): number {
  if (!bytes) return 0
  return Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8').length
}

/**
 * Citations (`citationMetadata.citations`) and grounding supports (`groundingMetadata`: each
 * support's segment with each web chunk it cites) as annotations on `content`, the answer's text.
 */
export function annotationsOf(candidate: Candidate | undefined, content: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const citation of candidate?.citationMetadata?.citations ?? []) {
    const range = {
      start_index: charOffset(content, citation.startIndex),
      end_index: charOffset(content, citation.endIndex),
    }
    const provider_data = { ...citation } as Record<string, unknown>
    annotations.push(
      citation.uri
        ? {
            type: 'url_citation',
            url_citation: { url: citation.uri, title: citation.title ?? '', ...range },
            provider_data,
          }
        : {
            type: 'citation',
            citation: { ...(citation.title ? { title: citation.title } : {}), ...range },
            provider_data,
          },
    )
  }
  const grounding = candidate?.groundingMetadata
  const chunks = grounding?.groundingChunks ?? []
  for (const support of grounding?.groundingSupports ?? []) {
    const segment = support.segment ?? {}
    const range = {
      start_index: charOffset(content, segment.startIndex),
      end_index: charOffset(content, segment.endIndex),
    }
    for (const chunkIndex of support.groundingChunkIndices ?? []) {
      const chunk = chunks[chunkIndex]
      const source = chunk?.web ?? chunk?.retrievedContext
      const provider_data = { groundingSupport: support, groundingChunk: chunk } as Record<
        string,
        unknown
      >
      annotations.push(
        source?.uri
          ? {
              type: 'url_citation',
              url_citation: { url: source.uri, title: source.title ?? '', ...range },
              provider_data,
            }
          : {
              type: 'citation',
              citation: {
                ...(segment.text !== undefined ? { cited_text: segment.text } : {}),
                ...(source?.title ? { title: source.title } : {}),
                ...range,
              },
              provider_data,
            },
      )
    }
  }
  return annotations
}

/** The facts of a whole answer (or of a stream's last event, with its tokens gathered). */
export function googleFacts(
  candidate: Candidate | undefined,
  response: WithPromptFeedback,
  content: string,
  tokens: TokenLogprob[] = tokenLogprobsOf(candidate?.logprobsResult),
): GoogleFacts {
  const safety = safetyOf(candidate, response)
  const annotations = annotationsOf(candidate, content)
  const asked = candidate?.logprobsResult !== undefined || tokens.length > 0
  return {
    ...(candidate?.finishReason ? { provider_finish_reason: String(candidate.finishReason) } : {}),
    ...(asked ? { logprobs: { content: tokens } } : {}),
    ...(safety ? { safety } : {}),
    ...(annotations.length ? { annotations } : {}),
  }
}
