import type { Attachment, Conversation, Message, Run, RunStatus } from './history-types'

type Row = Record<string, unknown>

const nullableNumber = (value: unknown): number | null => (value === null ? null : Number(value))
const nullableString = (value: unknown): string | null => (value === null ? null : String(value))

export const CONVERSATION_COLUMNS =
  'id, title, created_at, updated_at, pinned, archived, mode, tags, title_doc'

export function toConversation(row: Row): Conversation {
  return {
    id: String(row.id),
    title: String(row.title),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    pinned: row.pinned === 1,
    archived: row.archived === 1,
    mode: row.mode === 'compare' ? 'compare' : 'chat',
    tags: JSON.parse(String(row.tags)) as string[],
  }
}

export const MESSAGE_COLUMNS =
  'doc, id, conversation_id, parent_id, parent_run_id, role, content, attachments, created_at'

export function toMessage(row: Row): Message {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    parentId: nullableString(row.parent_id),
    parentRunId: nullableString(row.parent_run_id),
    role: row.role === 'system' ? 'system' : 'user',
    content: String(row.content),
    attachments: row.attachments ? (JSON.parse(String(row.attachments)) as Attachment[]) : [],
    createdAt: Number(row.created_at),
  }
}

export const RUN_COLUMNS = `doc, id, conversation_id, message_id, connection_id, provider, model,
  parameters, system_prompt, answer, reasoning, tool_calls, status, error_kind, error_message,
  tokens_in, tokens_out, tokens_reasoning, tokens_cached, ttft_ms, total_ms, tokens_per_second,
  cost_usd, cost_estimated, created_at, updated_at, queue_wait_ms, retry_wait_ms, reasoning_details`

export function toRun(row: Row): Run {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    messageId: String(row.message_id),
    connectionId: nullableString(row.connection_id),
    provider: String(row.provider),
    model: String(row.model),
    parameters: JSON.parse(String(row.parameters)) as Record<string, unknown>,
    systemPrompt: nullableString(row.system_prompt),
    answer: String(row.answer),
    reasoning: String(row.reasoning),
    toolCalls: row.tool_calls === null ? null : (JSON.parse(String(row.tool_calls)) as unknown[]),
    reasoningDetails:
      row.reasoning_details === null || row.reasoning_details === undefined
        ? null
        : (JSON.parse(String(row.reasoning_details)) as unknown[]),
    status: String(row.status) as RunStatus,
    errorKind: nullableString(row.error_kind),
    errorMessage: nullableString(row.error_message),
    usage: {
      tokensIn: nullableNumber(row.tokens_in),
      tokensOut: nullableNumber(row.tokens_out),
      tokensReasoning: nullableNumber(row.tokens_reasoning),
      tokensCached: nullableNumber(row.tokens_cached),
    },
    ttftMs: nullableNumber(row.ttft_ms),
    totalMs: nullableNumber(row.total_ms),
    queueWaitMs: nullableNumber(row.queue_wait_ms),
    retryWaitMs: nullableNumber(row.retry_wait_ms),
    tokensPerSecond: nullableNumber(row.tokens_per_second),
    costUsd: nullableNumber(row.cost_usd),
    costEstimated: row.cost_estimated === 1,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  }
}
