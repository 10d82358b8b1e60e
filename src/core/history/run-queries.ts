import type { DatabaseSync } from 'node:sqlite'
import { redactText } from '@parallax/llm'
import { ConflictError } from '../errors/domain-errors'
import { HistoryNotFoundError, touchConversation } from './conversation-queries'
import { nextDocKey } from './doc-keys'
import type { NewRun, Run, RunResult, RunStatus, RunTextDelta } from './history-types'
import { getMessage } from './message-queries'
import { newId } from './new-id'
import { RUN_COLUMNS, toRun } from './row-mappers'
import { indexDoc } from './search-index'
import { statement, transaction } from '../database/statement-cache'
import { enterCrashedRunsInLedger, enterLedgerEntry, enterRunInLedger } from '../usage/usage-ledger'

/**
 * Creates a run in status `streaming` (or `queued`, when it waits for a slot on its connection)
 * — call it before the first byte arrives so that a crash still leaves a row (found `interrupted`
 * at the next open). Its answer is searchable once it ends.
 */
export function createRun(db: DatabaseSync, input: NewRun, now: number): Run {
  return transaction(db, () => {
    const message = getMessage(db, input.messageId)
    const createdAt = input.createdAt ?? now
    const key = nextDocKey(db)
    const id = input.id ?? newId(createdAt)
    statement(
      db,
      `INSERT INTO runs (doc, id, conversation_id, message_id, connection_id, provider, model,
         parameters, system_prompt, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      key,
      id,
      message.conversationId,
      message.id,
      input.connectionId ?? null,
      input.provider,
      input.model,
      JSON.stringify(withoutSecrets(input.parameters ?? {})),
      input.systemPrompt ?? null,
      input.status === 'queued' ? 'queued' : 'streaming',
      createdAt,
      createdAt,
    )
    touchConversation(db, message.conversationId, createdAt)
    return getRun(db, id)
  })
}

/** A queued run got its slot and is sent: `queued` becomes `streaming`. False if it was not queued. */
export function markRunSent(db: DatabaseSync, id: string, now: number): boolean {
  const result = statement(
    db,
    `UPDATE runs SET status = 'streaming', updated_at = ? WHERE id = ? AND status = 'queued'`,
  ).run(now, id)
  return result.changes > 0
}

/**
 * Appends streamed text to a run that is still streaming, with what was measured so far (when
 * given; estimates, so the cost is marked estimated): one small UPDATE, meant to be called by a
 * flush timer (at most every ~500 ms), not per token. Returns false when the run has ended.
 */
export function appendRunText(
  db: DatabaseSync,
  id: string,
  delta: RunTextDelta,
  now: number,
): boolean {
  const p = delta.progress
  const result = statement(
    db,
    `UPDATE runs SET answer = answer || ?, reasoning = reasoning || ?,
       ttft_ms = COALESCE(?, ttft_ms), total_ms = COALESCE(?, total_ms),
       tokens_in = COALESCE(?, tokens_in), tokens_out = COALESCE(?, tokens_out),
       cost_usd = COALESCE(?, cost_usd), cost_estimated = MAX(cost_estimated, ?), updated_at = ?
     WHERE id = ? AND status = 'streaming'`,
  ).run(
    delta.answer ?? '',
    delta.reasoning ?? '',
    p?.ttftMs ?? null,
    p?.totalMs ?? null,
    p?.tokensIn ?? null,
    p?.tokensOut ?? null,
    p?.costUsd ?? null,
    p ? 1 : 0,
    now,
    id,
  )
  if (result.changes === 0) getRun(db, id) // throws when the run does not exist
  return result.changes > 0
}

/**
 * Ends a streaming (or still queued, e.g. stopped in line) run with its status and metrics, adds
 * its answer to the search index and, when it was sent, enters it in the usage ledger.
 */
export function finishRun(db: DatabaseSync, id: string, result: RunResult, now: number): Run {
  return transaction(db, () => {
    const run = getRun(db, id)
    if (!isOpen(run.status)) {
      throw new ConflictError(`Run ${id} already ended as ${run.status}.`, {
        code: 'run_ended',
        details: { status: run.status },
      })
    }
    const answer = result.answer ?? run.answer
    statement(
      db,
      `UPDATE runs SET status = ?, answer = ?, reasoning = ?, tool_calls = ?, error_kind = ?,
         error_message = ?, tokens_in = ?, tokens_out = ?, tokens_reasoning = ?, tokens_cached = ?,
         ttft_ms = ?, total_ms = ?, queue_wait_ms = ?, retry_wait_ms = ?, tokens_per_second = ?,
         cost_usd = ?, cost_estimated = ?, updated_at = ?, reasoning_details = ?
       WHERE id = ?`,
    ).run(
      result.status,
      answer,
      result.reasoning ?? run.reasoning,
      result.toolCalls ? JSON.stringify(result.toolCalls) : null,
      result.errorKind ?? null,
      result.errorMessage ? redactText(result.errorMessage, []) : null,
      result.usage?.tokensIn ?? null,
      result.usage?.tokensOut ?? null,
      result.usage?.tokensReasoning ?? null,
      result.usage?.tokensCached ?? null,
      result.ttftMs ?? null,
      result.totalMs ?? null,
      result.queueWaitMs ?? null,
      result.retryWaitMs ?? null,
      result.tokensPerSecond ?? null,
      result.costUsd ?? null,
      result.costEstimated ? 1 : 0,
      now,
      result.reasoningDetails?.length ? JSON.stringify(result.reasoningDetails) : null,
      id,
    )
    indexDoc(db, runKey(db, id), answer)
    touchConversation(db, run.conversationId, now)
    const sentAt = result.sentAt ?? null
    if (sentAt !== null) enterRunInLedger(db, id, { startedAt: sentAt, endedAt: now })
    return getRun(db, id)
  })
}

/**
 * Marks a streaming (or queued) run `error` with one small in-place UPDATE (no text, no search index): the
 * last thing tried when saving a run's end failed, e.g. on a full disk. False if it had ended.
 * When the run was sent (`spent.sentAt`), it is then entered in the usage ledger with what was
 * measured — the tokens were spent even if the answer could not be kept. That is a second write
 * of its own: when even it finds no room it throws, and the run is already `error`.
 */
export function failRun(
  db: DatabaseSync,
  id: string,
  error: { kind: string; message: string },
  now: number,
  spent: SpentRun = {},
): boolean {
  const result = statement(
    db,
    `UPDATE runs SET status = 'error', error_kind = ?, error_message = ?, updated_at = ?
     WHERE id = ? AND status IN ('queued', 'streaming')`,
  ).run(error.kind, redactText(error.message, []), now, id)
  const failed = result.changes > 0
  const sentAt = spent.sentAt ?? null
  if (failed && sentAt !== null) {
    const run = getRun(db, id)
    const costUsd = spent.costUsd ?? null
    const costEstimated = spent.costEstimated ?? false
    enterLedgerEntry(db, {
      runId: id,
      conversationId: run.conversationId,
      connectionId: run.connectionId,
      provider: run.provider,
      model: run.model,
      startedAt: sentAt,
      endedAt: now,
      status: 'error',
      tokensIn: spent.usage?.tokensIn ?? null,
      tokensOut: spent.usage?.tokensOut ?? null,
      tokensReasoning: spent.usage?.tokensReasoning ?? null,
      tokensCached: spent.usage?.tokensCached ?? null,
      costUsd,
      costEstimated,
      priceKnown: !(costUsd === null && costEstimated),
    })
  }
  return failed
}

/** What a run that could not be saved had measured, for the usage ledger. */
export type SpentRun = Pick<RunResult, 'sentAt' | 'usage' | 'costUsd' | 'costEstimated'>

/**
 * At open: every run left `streaming` or `queued` by a crash becomes `interrupted`, keeping its
 * text; the streaming ones (sent) are entered in the usage ledger. (The condition is the one of
 * the partial index `runs_open`, so this reads no other row.)
 */
export function markInterruptedRuns(db: DatabaseSync, now: number): number {
  return transaction(db, () => {
    const rows = statement(
      db,
      `SELECT doc, answer FROM runs WHERE status IN ('queued', 'streaming')`,
    ).all()
    enterCrashedRunsInLedger(db, now)
    statement(
      db,
      `UPDATE runs SET status = 'interrupted', updated_at = ? WHERE status IN ('queued', 'streaming')`,
    ).run(now)
    for (const row of rows) indexDoc(db, Number(row.doc), String(row.answer))
    return rows.length
  })
}

export function getRun(db: DatabaseSync, id: string): Run {
  const row = statement(db, `SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`).get(id)
  if (!row) throw new HistoryNotFoundError('run', id)
  return toRun(row)
}

function isOpen(status: RunStatus): boolean {
  return status === 'queued' || status === 'streaming'
}

function runKey(db: DatabaseSync, id: string): number {
  return Number((statement(db, 'SELECT doc FROM runs WHERE id = ?').get(id) as { doc: number }).doc)
}

const SECRET_KEY =
  /^(key|api[-_]?key|x-api-key|authorization|secret[-_]?access[-_]?key|session[-_]?token|access[-_]?token|password|private[-_]?key|service[-_]?account[-_]?json|credentials?)$/i

/** Parameters are stored as given, minus credential-named fields and key-shaped strings. */
export function withoutSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue
    if (typeof inner === 'string') out[key] = redactText(inner, [])
    else if (inner !== null && typeof inner === 'object' && !Array.isArray(inner))
      out[key] = withoutSecrets(inner as Record<string, unknown>)
    else out[key] = inner
  }
  return out
}
