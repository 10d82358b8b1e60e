import type { ChatRequest, ProviderId } from '@parallax/llm'
import type { ConversationDetail, ConversationMode, Message } from '../history'
import { pickAnswer } from '../runs/build-messages'
import { attachmentsOf } from '../runs/image-attachments'
import { columnsOf, latestMessage, planColumn } from '../runs/plan-turn'
import type { CompareTarget, RunParameters } from '../runs'
import type { EstimateInput } from '../../shared/estimate-schemas'

/** The id of the prompt being typed, which exists only in the estimate's copy of the thread. */
const DRAFT_ID = 'draft:estimate'

export interface PlannedRequest {
  target: CompareTarget
  request: ChatRequest
}

/**
 * The request each target would send for the prompt being typed, built by the runner's own
 * planning (planColumn): the draft is added to a copy of the conversation as the send would add
 * it, with the same parent, parent run and system prompt, so history, the inherited system prompt
 * and earlier images are exactly what the runner sends.
 */
export function planEstimate(
  input: EstimateInput,
  detail: ConversationDetail | null,
  providerOf: (connectionId: string) => ProviderId,
): PlannedRequest[] {
  const mode: ConversationMode = detail?.conversation.mode ?? input.mode ?? 'chat'
  const parentId =
    input.parentMessageId !== undefined
      ? input.parentMessageId
      : detail
        ? (latestMessage(detail)?.id ?? null)
        : null
  const targets: CompareTarget[] = input.targets?.length
    ? input.targets.map((t) => ({ ...t, provider: providerOf(t.connectionId) }))
    : detail && parentId
      ? columnsOf(detail.runs, parentId)
      : []
  return targets.map((target, position) => {
    const parameters = sendParameters(target.parameters)
    const column = {
      connectionId: target.connectionId,
      model: target.model,
      parameters: parameters as Record<string, unknown>,
      position,
    }
    // As runs.startChat picks it when the page names none: the parent's answer for this column.
    const parentRunId =
      input.parentRunId !== undefined
        ? input.parentRunId
        : mode === 'chat' && detail && parentId
          ? (pickAnswer(
              detail.runs.filter((r) => r.messageId === parentId),
              column,
              null,
              'chat',
            )?.id ?? null)
          : null
    const draft: Message = {
      id: DRAFT_ID,
      conversationId: detail?.conversation.id ?? DRAFT_ID,
      parentId,
      parentRunId: mode === 'chat' ? parentRunId : null,
      role: 'user',
      content: input.text,
      attachments: attachmentsOf(input.images),
      createdAt: Number.MAX_SAFE_INTEGER,
    }
    const withDraft: ConversationDetail = {
      conversation: detail?.conversation ?? {
        id: DRAFT_ID,
        title: '',
        createdAt: 0,
        updatedAt: 0,
        pinned: false,
        archived: false,
        mode,
        tags: [],
      },
      messages: [...(detail?.messages ?? []), draft],
      runs: detail?.runs ?? [],
    }
    const { messages } = planColumn(withDraft, DRAFT_ID, column, input.systemPrompt, mode)
    const request = { ...parameters, model: target.model, messages } as ChatRequest
    return { target, request }
  })
}

/**
 * The parameters a run sends: no undefined fields and no `n` (each run is one answer). The same
 * rule as the runner's cleanParameters, which keeps column matching identical.
 */
function sendParameters(parameters: RunParameters | undefined): RunParameters {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (value !== undefined && key !== 'n') out[key] = value
  }
  return out as RunParameters
}
