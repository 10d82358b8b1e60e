import type { DatabaseSync } from 'node:sqlite'
import { rebuildSearchIndex } from '../history/search-index'
import { scheduleSearchRebuild } from '../history/search-rebuild'
import { forgetSearchRebuildState } from '../history/search-rebuild-state'

export interface Migration {
  /** The `PRAGMA user_version` the database has after this migration. */
  version: number
  description: string
  up(db: DatabaseSync): void
}

/**
 * Every schema change ever shipped, oldest first. Never edit a shipped entry: append a new one.
 * Tests rebuild each earlier version from this list, fill it, and open it with current code.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'conversations, messages (prompts) and runs (answers)',
    up(db) {
      db.exec(`
        CREATE TABLE conversations (
          id TEXT PRIMARY KEY NOT NULL,
          title TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
          archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
          mode TEXT NOT NULL CHECK (mode IN ('chat', 'compare')),
          tags TEXT NOT NULL DEFAULT '[]',
          title_doc INTEGER NOT NULL UNIQUE
        );
        CREATE INDEX conversations_list ON conversations (archived, pinned, updated_at, id);

        CREATE TABLE messages (
          doc INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
          parent_id TEXT,
          parent_run_id TEXT,
          role TEXT NOT NULL CHECK (role IN ('user', 'system')),
          content TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX messages_conversation ON messages (conversation_id, created_at);

        CREATE TABLE runs (
          doc INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
          message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
          connection_id TEXT,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          parameters TEXT NOT NULL DEFAULT '{}',
          system_prompt TEXT,
          answer TEXT NOT NULL DEFAULT '',
          reasoning TEXT NOT NULL DEFAULT '',
          tool_calls TEXT,
          status TEXT NOT NULL
            CHECK (status IN ('streaming', 'done', 'stopped', 'error', 'interrupted')),
          error_kind TEXT,
          error_message TEXT,
          tokens_in INTEGER,
          tokens_out INTEGER,
          tokens_reasoning INTEGER,
          tokens_cached INTEGER,
          ttft_ms INTEGER,
          total_ms INTEGER,
          tokens_per_second REAL,
          cost_usd REAL,
          cost_estimated INTEGER NOT NULL DEFAULT 0 CHECK (cost_estimated IN (0, 1)),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX runs_message ON runs (message_id, model);
        CREATE INDEX runs_conversation ON runs (conversation_id, provider, model);
        CREATE INDEX runs_streaming ON runs (status) WHERE status = 'streaming';
      `)
    },
  },
  {
    version: 2,
    description: 'full-text search: a trigram index and a CJK-bigram / short-word index',
    up(db) {
      // Contentless (the text lives in the tables above) and detail=none (row ids only): the
      // index finds candidates, search-history.ts confirms them against the stored text. A 16 MB
      // pending-terms hash (default 1 MB) means fewer, larger segments: bulk import ~40% faster.
      db.exec(`
        CREATE VIRTUAL TABLE search_trigram USING fts5 (
          body, tokenize = 'trigram', content = '', detail = none, columnsize = 0
        );
        CREATE VIRTUAL TABLE search_short USING fts5 (
          body, tokenize = 'unicode61', content = '', detail = none, columnsize = 0
        );
        INSERT INTO search_trigram (search_trigram, rank) VALUES ('hashsize', 16777216);
        INSERT INTO search_trigram (search_trigram, rank) VALUES ('automerge', 8);
        INSERT INTO search_short (search_short, rank) VALUES ('hashsize', 4194304);
      `)
      rebuildSearchIndex(db)
    },
  },
  {
    version: 3,
    description: 'connections: the non-secret fields of each saved provider connection',
    up(db) {
      // Secret fields never come here: they live encrypted in the vault file (src/core/vault).
      db.exec(`
        CREATE TABLE connections (
          id TEXT PRIMARY KEY,
          provider TEXT NOT NULL,
          label TEXT NOT NULL,
          fields TEXT NOT NULL DEFAULT '{}',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
      `)
    },
  },
  {
    version: 4,
    description: 'messages.attachments: images sent with a prompt (JSON, base64), or NULL',
    up(db) {
      db.exec('ALTER TABLE messages ADD COLUMN attachments TEXT')
    },
  },
  {
    version: 5,
    description:
      'runs: status `queued` (waiting for a slot on its connection), queue_wait_ms, retry_wait_ms',
    up(db) {
      // SQLite cannot change a CHECK constraint in place: the table is rebuilt (new table, copy,
      // drop, rename — https://sqlite.org/lang_altertable.html#otheralter). `doc` is copied as
      // is, so both search indexes (keyed by doc) stay linked. No table references runs, and
      // every row copied already satisfied its foreign keys; the check below makes sure.
      db.exec(`
        CREATE TABLE runs_v5 (
          doc INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
          message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
          connection_id TEXT,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          parameters TEXT NOT NULL DEFAULT '{}',
          system_prompt TEXT,
          answer TEXT NOT NULL DEFAULT '',
          reasoning TEXT NOT NULL DEFAULT '',
          tool_calls TEXT,
          status TEXT NOT NULL
            CHECK (status IN ('queued', 'streaming', 'done', 'stopped', 'error', 'interrupted')),
          error_kind TEXT,
          error_message TEXT,
          tokens_in INTEGER,
          tokens_out INTEGER,
          tokens_reasoning INTEGER,
          tokens_cached INTEGER,
          ttft_ms INTEGER,
          total_ms INTEGER,
          tokens_per_second REAL,
          cost_usd REAL,
          cost_estimated INTEGER NOT NULL DEFAULT 0 CHECK (cost_estimated IN (0, 1)),
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          queue_wait_ms INTEGER,
          retry_wait_ms INTEGER
        );
        INSERT INTO runs_v5 (doc, id, conversation_id, message_id, connection_id, provider, model,
          parameters, system_prompt, answer, reasoning, tool_calls, status, error_kind,
          error_message, tokens_in, tokens_out, tokens_reasoning, tokens_cached, ttft_ms, total_ms,
          tokens_per_second, cost_usd, cost_estimated, created_at, updated_at)
        SELECT doc, id, conversation_id, message_id, connection_id, provider, model, parameters,
          system_prompt, answer, reasoning, tool_calls, status, error_kind, error_message,
          tokens_in, tokens_out, tokens_reasoning, tokens_cached, ttft_ms, total_ms,
          tokens_per_second, cost_usd, cost_estimated, created_at, updated_at
        FROM runs ORDER BY doc;
        DROP TABLE runs;
        ALTER TABLE runs_v5 RENAME TO runs;
        CREATE INDEX runs_message ON runs (message_id, model);
        CREATE INDEX runs_conversation ON runs (conversation_id, provider, model);
        CREATE INDEX runs_open ON runs (status) WHERE status IN ('queued', 'streaming');
      `)
      const broken = db.prepare('PRAGMA foreign_key_check (runs)').all()
      if (broken.length > 0) {
        throw new Error(
          `Migration 5 found ${broken.length} run(s) whose conversation or prompt is missing.`,
        )
      }
    },
  },
  {
    version: 6,
    description:
      'usage_ledger: one row per run sent to a provider, kept when its conversation is deleted',
    up(db) {
      // Usage is its own ledger: no foreign key to runs or conversations, so deleting or clearing
      // history leaves what was spent. Filled from the runs so far: every run except one still
      // waiting in its connection's queue (never sent); one left streaming counts as interrupted.
      db.exec(`
        CREATE TABLE usage_ledger (
          run_id TEXT PRIMARY KEY NOT NULL,
          conversation_id TEXT,
          connection_id TEXT,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          started_at INTEGER NOT NULL,
          ended_at INTEGER,
          status TEXT NOT NULL CHECK (status IN ('done', 'stopped', 'error', 'interrupted')),
          tokens_in INTEGER,
          tokens_out INTEGER,
          tokens_reasoning INTEGER,
          tokens_cached INTEGER,
          cost_usd REAL,
          cost_estimated INTEGER NOT NULL DEFAULT 0 CHECK (cost_estimated IN (0, 1)),
          price_known INTEGER NOT NULL DEFAULT 1 CHECK (price_known IN (0, 1))
        );
        CREATE INDEX usage_ledger_started ON usage_ledger (started_at);
        CREATE INDEX usage_ledger_connection ON usage_ledger (connection_id, started_at);
        INSERT INTO usage_ledger (run_id, conversation_id, connection_id, provider, model,
          started_at, ended_at, status, tokens_in, tokens_out, tokens_reasoning, tokens_cached,
          cost_usd, cost_estimated, price_known)
        SELECT id, conversation_id, connection_id, provider, model, created_at, updated_at,
          CASE status WHEN 'streaming' THEN 'interrupted' ELSE status END,
          tokens_in, tokens_out, tokens_reasoning, tokens_cached, cost_usd, cost_estimated,
          NOT (cost_usd IS NULL AND cost_estimated = 1)
        FROM runs WHERE status <> 'queued' ORDER BY doc;
      `)
    },
  },
  {
    version: 7,
    description:
      'search: folded text (accents, full/half width); the indexes are rebuilt, large ones in the background',
    up(db) {
      // `below`: docs with a smaller key are not indexed yet (search-rebuild.ts adds them, newest
      // first, a step at a time, and saves its progress here); no row when nothing is left.
      db.exec(`
        CREATE TABLE search_rebuild (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          below INTEGER NOT NULL,
          total INTEGER NOT NULL
        );
      `)
      scheduleSearchRebuild(db)
    },
  },
  {
    version: 8,
    description: 'runs: indexes that find the conversations of a provider or a model',
    up(db) {
      // The conversation list filtered by provider and/or model reads the few matching
      // conversations from these instead of walking every conversation (conversation-queries.ts).
      db.exec(`
        CREATE INDEX runs_provider_model ON runs (provider, model, conversation_id);
        CREATE INDEX runs_model ON runs (model, conversation_id);
      `)
    },
  },
  {
    version: 9,
    description:
      "runs: the answer's signed reasoning (reasoning_details JSON), sent back next turn",
    up(db) {
      // The library's opaque reasoning_details (thinking signatures, redacted thinking, Gemini
      // thought signatures): NULL for older runs and for answers that gave none.
      db.exec('ALTER TABLE runs ADD COLUMN reasoning_details TEXT')
    },
  },
  {
    version: 10,
    description:
      'search: the indexes move to a file of their own (history.search.sqlite), rebuilt there',
    up(db) {
      // search-file.ts has the indexes now (a bulk import writes them beside the rows, see
      // search-writer.ts). The sync token differs from any search file's, so the open that
      // follows rebuilds the index there; a rebuild begun by version 7 is superseded by it.
      db.exec(`
        DROP TABLE IF EXISTS main.search_trigram;
        DROP TABLE IF EXISTS main.search_short;
        DELETE FROM search_rebuild;
        CREATE TABLE search_sync (id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL);
        INSERT INTO search_sync (id, token) VALUES (1, 'version 10');
      `)
      forgetSearchRebuildState(db)
    },
  },
]

export const CURRENT_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0

/** Brings `db` from `from` to `to` (default: current), one transaction per migration. */
export function migrate(db: DatabaseSync, from: number, to = CURRENT_VERSION): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from || migration.version > to) continue
    db.exec('BEGIN IMMEDIATE')
    try {
      migration.up(db)
      db.exec(`PRAGMA user_version = ${migration.version}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
