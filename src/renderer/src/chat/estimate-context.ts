import type { EstimateInput } from '../../../shared/estimate-schemas'
import type { Turn } from './conversation-thread'
import type { ConversationSetup } from './use-conversation-setup'

/** What the ≈ estimate asks the host besides the text and images: the send's own fields. */
export type EstimateContext = Omit<EstimateInput, 'text' | 'images'>

/**
 * The fields runs.startChat / compare.start will get for the next prompt (as use-send-actions
 * builds them), so the host counts the request that will really be sent; null while no model is
 * chosen.
 */
export function estimateContextOf(
  mode: 'chat' | 'compare',
  conversationId: string | undefined,
  turns: readonly Turn[],
  setup: ConversationSetup,
): EstimateContext | null {
  if (setup.missing) return null
  const last = turns.at(-1)
  const systemPrompt = setup.systemPrompt.trim() ? setup.systemPrompt : null
  const conversation = conversationId ? { conversationId } : {}
  if (mode === 'chat') {
    if (!setup.choice) return null
    return {
      mode,
      ...conversation,
      systemPrompt,
      parentMessageId: last?.message.id ?? null,
      parentRunId: last?.activeRun?.id ?? null,
      targets: [
        {
          connectionId: setup.choice.connectionId,
          model: setup.choice.model,
          parameters: setup.parametersToSend,
        },
      ],
    }
  }
  return {
    mode,
    ...conversation,
    systemPrompt,
    ...(last ? { parentMessageId: last.message.id } : {}),
    ...(setup.columnsLocked
      ? {}
      : {
          targets: setup.columnsToSend.map((c) => ({
            connectionId: c.connectionId ?? '',
            model: c.model ?? '',
            parameters: c.parameters,
          })),
        }),
  }
}
