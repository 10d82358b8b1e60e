import type { DatabaseSync } from 'node:sqlite'
import { statement } from '../database/statement-cache'

/*
 * The usage ledger (table `usage_ledger`, migration 6): one row per run that was sent to a
 * provider, written when the run ends, in the same transaction as its row in `runs`. It has no
 * foreign key: deleting or clearing history leaves it as it is, since money spent stays spent.
 * The usage report and the spend monitor read only this table (usage-repository.ts).
 */

const LEDGER_FROM_RUN = `
  INSERT INTO usage_ledger (run_id, conversation_id, connection_id, provider, model, started_at,
    ended_at, status, tokens_in, tokens_out, tokens_reasoning, tokens_cached, cost_usd,
    cost_estimated, price_known)
  SELECT id, conversation_id, connection_id, provider, model, ?, ?, status, tokens_in, tokens_out,
    tokens_reasoning, tokens_cached, cost_usd, cost_estimated,
    NOT (cost_usd IS NULL AND cost_estimated = 1)
  FROM runs`

/**
 * Enters an ended run in the ledger from its row in `runs` (call inside the transaction that ended
 * it). `startedAt` is when its request first went to the provider. Entering it again replaces it.
 */
export function enterRunInLedger(
  db: DatabaseSync,
  runId: string,
  times: { startedAt: number; endedAt: number },
): void {
  statement(
    db,
    `${LEDGER_FROM_RUN} WHERE id = ?
     ON CONFLICT (run_id) DO UPDATE SET ended_at = excluded.ended_at, status = excluded.status,
       tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out,
       tokens_reasoning = excluded.tokens_reasoning, tokens_cached = excluded.tokens_cached,
       cost_usd = excluded.cost_usd, cost_estimated = excluded.cost_estimated,
       price_known = excluded.price_known`,
  ).run(times.startedAt, times.endedAt, runId)
}

/**
 * At open, before the runs left `streaming` by a crash are marked `interrupted`: each was sent,
 * so each is entered as interrupted with what its row kept (a run already entered is left as is).
 * The first condition is the one of the partial index `runs_open`, so this reads no other row.
 */
export function enterCrashedRunsInLedger(db: DatabaseSync, now: number): void {
  statement(
    db,
    `INSERT OR IGNORE INTO usage_ledger (run_id, conversation_id, connection_id, provider, model,
       started_at, ended_at, status, tokens_in, tokens_out, tokens_reasoning, tokens_cached,
       cost_usd, cost_estimated, price_known)
     SELECT id, conversation_id, connection_id, provider, model, created_at, ?, 'interrupted',
       tokens_in, tokens_out, tokens_reasoning, tokens_cached, cost_usd, cost_estimated,
       NOT (cost_usd IS NULL AND cost_estimated = 1)
     FROM runs WHERE status IN ('queued', 'streaming') AND status = 'streaming'`,
  ).run(now)
}

/** One ledger row, for a run whose row in `runs` is gone (its conversation deleted mid-run). */
export interface LedgerEntry {
  runId: string
  conversationId: string | null
  connectionId: string | null
  provider: string
  model: string
  startedAt: number
  endedAt: number
  status: 'done' | 'stopped' | 'error' | 'interrupted'
  tokensIn: number | null
  tokensOut: number | null
  tokensReasoning: number | null
  tokensCached: number | null
  costUsd: number | null
  costEstimated: boolean
  priceKnown: boolean
}

/** Enters (or replaces) one ledger row as given. */
export function enterLedgerEntry(db: DatabaseSync, entry: LedgerEntry): void {
  statement(
    db,
    `INSERT OR REPLACE INTO usage_ledger (run_id, conversation_id, connection_id, provider, model,
       started_at, ended_at, status, tokens_in, tokens_out, tokens_reasoning, tokens_cached,
       cost_usd, cost_estimated, price_known)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.runId,
    entry.conversationId,
    entry.connectionId,
    entry.provider,
    entry.model,
    entry.startedAt,
    entry.endedAt,
    entry.status,
    entry.tokensIn,
    entry.tokensOut,
    entry.tokensReasoning,
    entry.tokensCached,
    entry.costUsd,
    entry.costEstimated ? 1 : 0,
    entry.priceKnown ? 1 : 0,
  )
}
