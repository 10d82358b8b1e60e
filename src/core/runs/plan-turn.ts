import type { ChatMessage } from '@parallax/llm'
import { InputError } from '../errors/domain-errors'
import type { ConversationDetail, Message, Run } from '../history'
import { buildColumnMessages, pickAnswer, textOf, threadOf, type ColumnKey } from './build-messages'
import type { CompareTarget, RunParameters } from './runner-types'

export const MAX_TARGETS = 8

/** The latest message of a conversation (the default parent of a follow-up), if any. */
export function latestMessage(detail: ConversationDetail): Message | undefined {
  return detail.messages.at(-1)
}

/** A conversation title from a prompt: its first non-empty line, at most 80 characters. */
export function titleFrom(prompt: string): string {
  const line =
    prompt
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'New conversation'
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

/** The prompt text to save for an explicit message list: its last user message. */
export function promptOf(messages: readonly ChatMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === 'user')
  if (!last)
    throw new InputError('messages needs at least one user message.', {
      field: 'messages',
      code: 'no_user_message',
    })
  return textOf(last.content)
}

/** The distinct columns (connection, model, parameters) of a prompt's runs, oldest first. */
export function columnsOf(runs: readonly Run[], messageId: string): CompareTarget[] {
  const seen = new Set<string>()
  const out: CompareTarget[] = []
  for (const run of runs) {
    if (run.messageId !== messageId || !run.connectionId) continue
    const key = JSON.stringify([run.connectionId, run.model, run.parameters])
    if (seen.has(key)) continue
    seen.add(key)
    out.push({
      connectionId: run.connectionId,
      provider: run.provider as CompareTarget['provider'],
      model: run.model,
      parameters: run.parameters as RunParameters,
    })
  }
  return out.slice(0, MAX_TARGETS)
}

export function checkTargets(targets: readonly CompareTarget[], min: number): void {
  if (targets.length < min || targets.length > MAX_TARGETS) {
    throw new InputError(
      `A comparison takes ${min}–${MAX_TARGETS} targets, got ${targets.length}.`,
      {
        field: 'targets',
        code: 'target_count',
        details: { min: String(min), max: String(MAX_TARGETS), count: String(targets.length) },
      },
    )
  }
  for (const [i, t] of targets.entries()) {
    if (!t.connectionId || !t.provider || !t.model) {
      throw new InputError(`targets[${i}] needs connectionId, provider and model.`, {
        field: `targets.${i}`,
        code: 'target_incomplete',
        details: { index: String(i + 1) },
      })
    }
  }
}

/** The system prompt a column inherits: that of its latest earlier run in the thread. */
export function inheritedSystemPrompt(
  detail: ConversationDetail,
  thread: readonly Message[],
  column: ColumnKey,
  mode: 'chat' | 'compare',
): string | null {
  for (let i = thread.length - 1; i >= 0; i--) {
    const message = thread[i] as Message
    const runs = detail.runs.filter((r) => r.messageId === message.id)
    const next = thread[i + 1]
    const run = pickAnswer(runs, column, next?.parentRunId ?? null, mode) ?? runs.at(-1)
    if (run) return run.systemPrompt
  }
  return null
}

export interface ColumnPlan {
  messages: ChatMessage[]
  systemPrompt: string | null
}

/** What one column sends: its system prompt and its own history, ending with the new prompt. */
export function planColumn(
  detail: ConversationDetail,
  messageId: string,
  column: ColumnKey,
  systemPrompt: string | null | undefined,
  mode: 'chat' | 'compare',
): ColumnPlan {
  const thread = threadOf(detail, messageId)
  const system =
    systemPrompt === undefined
      ? inheritedSystemPrompt(detail, thread.slice(0, -1), column, mode)
      : systemPrompt
  return {
    systemPrompt: system,
    messages: buildColumnMessages(detail, thread, column, system, mode),
  }
}
