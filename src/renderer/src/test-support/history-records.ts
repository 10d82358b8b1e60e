import type { Run } from '../chat/conversation-thread'
import type { ConversationView } from '../history/use-history-list'
import type { SearchHitView } from '../history/use-history-search'

/** History records as the host answers them; a test sets only what it is about. */

export function conversation(
  fields: Partial<ConversationView> & { id: string; updatedAt: number },
): ConversationView {
  return {
    title: `Conversation ${fields.id}`,
    createdAt: fields.updatedAt,
    pinned: false,
    archived: false,
    mode: 'chat',
    tags: [],
    ...fields,
  }
}

export function searchHit(
  fields: Partial<SearchHitView> & { conversationId: string; text: string },
  highlights: [number, number][] = [],
): SearchHitView {
  const { text, ...rest } = fields
  return {
    kind: 'answer',
    conversationTitle: `Conversation ${fields.conversationId}`,
    messageId: 'm1',
    runId: 'r1',
    provider: 'anthropic',
    model: 'claude-sonnet-4-5',
    status: 'done',
    createdAt: Date.now(),
    snippet: { text, highlights, marked: text },
    ...rest,
  }
}

/** A run saved in conversation c1: a finished answer with nothing measured. */
export function savedRun(fields: Partial<Run> & { id: string }): Run {
  return {
    conversationId: 'c1',
    messageId: 'm1',
    connectionId: 'conn_openai',
    provider: 'openai',
    model: 'gpt-4.1',
    parameters: {},
    systemPrompt: null,
    answer: '',
    reasoning: '',
    toolCalls: null,
    status: 'done',
    errorKind: null,
    errorMessage: null,
    usage: { tokensIn: null, tokensOut: null, tokensReasoning: null, tokensCached: null },
    ttftMs: null,
    totalMs: null,
    queueWaitMs: null,
    retryWaitMs: null,
    tokensPerSecond: null,
    costUsd: null,
    costEstimated: false,
    createdAt: 1000,
    updatedAt: 1000,
    ...fields,
  }
}
