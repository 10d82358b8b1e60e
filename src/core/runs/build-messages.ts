import type { ConversationDetail, Message, Run } from '../history'
import type { AssistantMessage, ChatMessage, ContentPart, ToolCall } from '@parallax/llm'
import { reasoningDetailsOf, toolCallsOf } from './stored-answer'

/** Which column a run belongs to: its connection, model and parameters. */
export interface ColumnKey {
  connectionId: string
  model: string
  parameters?: Record<string, unknown>
  /**
   * Comparison only: where the column stands in its turn (0-based). A column with no earlier
   * answer of its own model continues from the column at the same place in each earlier turn
   * (the column it replaced), or from the first column when that turn had fewer columns.
   */
  position?: number
}

/** The text of a message's content (image parts are not kept in history). */
export function textOf(content: ChatMessage['content']): string {
  if (typeof content === 'string') return content
  if (!content) return ''
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('')
}

/** The messages from the root of the conversation down to `messageId`, following parentId. */
export function threadOf(detail: ConversationDetail, messageId: string): Message[] {
  const byId = new Map(detail.messages.map((m) => [m.id, m]))
  const thread: Message[] = []
  const seen = new Set<string>()
  for (let m = byId.get(messageId); m && !seen.has(m.id); m = byId.get(m.parentId ?? '')) {
    seen.add(m.id)
    thread.push(m)
  }
  return thread.reverse()
}

/**
 * The earlier answer a column (or a chat) continues from, for one earlier prompt: the run the
 * next prompt names as its parent when given (chat), else the same column's run (same connection,
 * model and parameters, then same connection and model, then same model), else — in a
 * comparison, for a column given its position — the column standing in for it (see
 * ColumnKey.position), else the latest answer. Only runs with answer text, or that ended `done`
 * with tool calls, qualify.
 */
export function pickAnswer(
  runs: readonly Run[],
  column: ColumnKey,
  preferRunId: string | null,
  mode: 'chat' | 'compare',
): Run | undefined {
  let best: Run | undefined
  let bestScore = -1
  const params = JSON.stringify(column.parameters ?? {})
  const standIn = mode === 'compare' ? standInColumn(runs, column.position) : undefined
  for (const run of runs) {
    if (!run.answer && !(run.status === 'done' && toolCallsOf(run).length)) continue
    let score = 0
    if (standIn !== undefined && columnOf(run) === standIn) score = 0.5
    if (run.model === column.model) score = 1
    if (score && run.connectionId === column.connectionId) score = 2
    if (score === 2 && JSON.stringify(run.parameters) === params) score = 3
    if (run.id === preferRunId) score = mode === 'chat' ? 10 : Math.max(score, 1.5)
    if (score >= bestScore) {
      best = run
      bestScore = score
    }
  }
  return best
}

const columnOf = (run: Run) => JSON.stringify([run.connectionId, run.model, run.parameters])

/** The column (as columnOf) at `position` among a prompt's runs, else its first column. */
function standInColumn(runs: readonly Run[], position: number | undefined): string | undefined {
  if (position === undefined) return undefined
  const columns = [...new Set(runs.map(columnOf))]
  return columns[position] ?? columns[0]
}

/**
 * The request messages for one column: its system prompt, then every earlier prompt of the thread
 * with that column's answer to it, then the prompt itself. An earlier prompt that got no answer
 * in any run is left out, so that user and assistant turns keep alternating. An answer goes back
 * with its stored reasoning_details (signed thinking the next turn must carry), and — when this
 * request offers tools — with its tool calls, each followed by a result saying it was not run.
 */
export function buildColumnMessages(
  detail: ConversationDetail,
  thread: readonly Message[],
  column: ColumnKey,
  systemPrompt: string | null | undefined,
  mode: 'chat' | 'compare',
): ChatMessage[] {
  const runsByMessage = new Map<string, Run[]>()
  for (const run of detail.runs) {
    const list = runsByMessage.get(run.messageId) ?? []
    list.push(run)
    runsByMessage.set(run.messageId, list)
  }
  const out: ChatMessage[] = systemPrompt ? [{ role: 'system', content: systemPrompt }] : []
  thread.forEach((message, i) => {
    if (message.role === 'system') {
      out.push({ role: 'system', content: message.content })
      return
    }
    const last = i === thread.length - 1
    if (last) {
      out.push({ role: 'user', content: userContent(message) })
      return
    }
    const next = thread[i + 1]
    const answer = pickAnswer(
      runsByMessage.get(message.id) ?? [],
      column,
      next?.parentRunId ?? null,
      mode,
    )
    if (!answer) return
    const calls = offersTools(column) && answer.status === 'done' ? toolCallsOf(answer) : []
    if (!answer.answer && calls.length === 0) return
    out.push({ role: 'user', content: userContent(message) })
    out.push(assistantTurn(answer, calls))
    for (const call of calls) {
      out.push({ role: 'tool', tool_call_id: call.id, content: TOOL_NOT_RUN })
    }
  })
  return out
}

/** What a tool call gets back: Parallax shows tool calls, it does not carry them out. */
export const TOOL_NOT_RUN = 'The tool was not run: this app shows tool calls but does not run them.'

function offersTools(column: ColumnKey): boolean {
  const tools = column.parameters?.tools
  return Array.isArray(tools) && tools.length > 0
}

function assistantTurn(run: Run, calls: ToolCall[]): AssistantMessage {
  const details = reasoningDetailsOf(run)
  return {
    role: 'assistant',
    content: run.answer || (calls.length ? null : ''),
    ...(calls.length ? { tool_calls: calls } : {}),
    ...(details.length ? { reasoning_details: details } : {}),
  }
}

/** A prompt as the request carries it: its text, then its images as data URLs. */
export function userContent(message: Message): string | ContentPart[] {
  if (message.attachments.length === 0) return message.content
  return [
    { type: 'text', text: message.content },
    ...message.attachments.map((image) => ({
      type: 'image_url' as const,
      image_url: { url: `data:${image.mediaType};base64,${image.data}` },
    })),
  ]
}
