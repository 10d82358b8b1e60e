import type { AppDatabase, DatabaseNotice } from '../database/app-database'
import { handleOf } from '../database/database-handle'
import {
  clearConversations,
  createConversation,
  deleteConversation,
  getConversation,
  listConversations,
  renameConversation,
  updateConversation,
  updateConversationFlags,
} from './conversation-queries'
import { exportHistory, exportMarkdown, type ExportOptions } from './export-history'
import type { HistoryExport } from './history-export-schema'
import type {
  Conversation,
  ConversationChanges,
  ConversationDetail,
  ConversationPage,
  ListConversationsOptions,
  Message,
  NewConversation,
  NewMessage,
  NewRun,
  Run,
  RunResult,
  RunTextDelta,
} from './history-types'
import { importHistory, type ImportReport } from './import-history'
import { addMessage, getMessage } from './message-queries'
import { restoreAttachments } from './restore-attachments'
import {
  appendRunText,
  createRun,
  failRun,
  finishRun,
  getRun,
  markInterruptedRuns,
  markRunSent,
  type SpentRun,
} from './run-queries'
import { searchHistory, type SearchOptions, type SearchPage } from './search-history'
import { settleSearchIndex } from './search-index'
import {
  runSearchRebuildInBackground,
  searchRebuildProgress,
  type SearchRebuildProgress,
} from './search-rebuild'

export interface HistoryStoreOptions {
  /** Clock, ms since epoch (tests pass a fixed one). */
  now?: () => number
}

export interface HistoryStore {
  /** The database's file. */
  readonly file: string
  /** The database's notices from opening: empty unless the old file was moved aside. */
  readonly notices: readonly DatabaseNotice[]
  /** Runs found `streaming` or `queued` at open and marked `interrupted`. */
  readonly interruptedAtOpen: number

  createConversation(input: NewConversation): Conversation
  renameConversation(id: string, title: string): Conversation
  setPinned(id: string, pinned: boolean): Conversation
  setArchived(id: string, archived: boolean): Conversation
  setTags(id: string, tags: string[]): Conversation
  /** Every change in one transaction: all applied, or none. */
  updateConversation(id: string, changes: ConversationChanges): Conversation
  deleteConversation(id: string): boolean
  /** Deletes every conversation with its prompts and runs; returns how many. */
  clear(): number
  listConversations(options?: ListConversationsOptions): ConversationPage
  getConversation(id: string): ConversationDetail

  addMessage(input: NewMessage): Message
  getMessage(id: string): Message

  createRun(input: NewRun): Run
  /** A queued run got its slot and is sent: `queued` becomes `streaming` (false: not queued). */
  markRunSent(id: string): boolean
  appendRunText(id: string, delta: RunTextDelta): boolean
  finishRun(id: string, result: RunResult): Run
  /**
   * Marks a streaming run `error` without touching its text (when finishRun could not save), and
   * enters it in the usage ledger with what was measured when it was sent.
   */
  failRun(id: string, error: { kind: string; message: string }, spent?: SpentRun): boolean
  getRun(id: string): Run

  search(options: SearchOptions): SearchPage
  /**
   * Waits until the search index holds every import so far (an import's entries are written on a
   * thread of their own after it returns; search waits for them by itself). For tools and the
   * benchmark.
   */
  settleSearch(): void
  /** The search index being rebuilt in the background (after an update), or null. */
  searchRebuild(): SearchRebuildProgress | null

  exportJson(options?: ExportOptions): HistoryExport
  exportMarkdown(options?: ExportOptions): string
  importJson(input: unknown): ImportReport
}

/**
 * The history — conversations, prompts, runs and their search index — in the app database.
 * Runs left `queued` or `streaming` by an earlier process are marked `interrupted` here.
 */
export function createHistoryStore(
  database: AppDatabase,
  options: HistoryStoreOptions = {},
): HistoryStore {
  const now = options.now ?? Date.now
  const db = handleOf(database)
  const interruptedAtOpen = markInterruptedRuns(db, now())
  // A large index being rebuilt (for a new search folding) is finished between other work.
  runSearchRebuildInBackground(db, {
    onError: (error) =>
      console.warn('search index rebuild stopped (continues at next start):', error),
  })
  return {
    file: database.file,
    notices: database.notices,
    interruptedAtOpen,
    createConversation: (input) => createConversation(db, input, now()),
    renameConversation: (id, title) => renameConversation(db, id, title),
    setPinned: (id, pinned) => updateConversationFlags(db, id, { pinned }),
    setArchived: (id, archived) => updateConversationFlags(db, id, { archived }),
    setTags: (id, tags) => updateConversationFlags(db, id, { tags }),
    updateConversation: (id, changes) => updateConversation(db, id, changes),
    deleteConversation: (id) => deleteConversation(db, id),
    clear: () => clearConversations(db),
    listConversations: (list) => listConversations(db, list),
    getConversation: (id) => getConversation(db, id),
    addMessage: (input) => addMessage(db, input, now()),
    getMessage: (id) => getMessage(db, id),
    createRun: (input) => createRun(db, input, now()),
    markRunSent: (id) => markRunSent(db, id, now()),
    appendRunText: (id, delta) => appendRunText(db, id, delta, now()),
    finishRun: (id, result) => finishRun(db, id, result, now()),
    failRun: (id, error, spent) => failRun(db, id, error, now(), spent),
    getRun: (id) => getRun(db, id),
    search: (search) => searchHistory(db, search),
    settleSearch: () => settleSearchIndex(db),
    searchRebuild: () => searchRebuildProgress(db),
    exportJson: (exportOptions = {}) => exportHistory(db, exportOptions, now()),
    exportMarkdown: (exportOptions = {}) => exportMarkdown(db, exportOptions),
    importJson: (input) => {
      const report = importHistory(db, input)
      restoreAttachments(db, input)
      return report
    },
  }
}
