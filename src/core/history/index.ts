export { createHistoryStore, type HistoryStore, type HistoryStoreOptions } from './history-store'
export { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
export type * from './history-types'
export { RUN_STATUSES } from './history-types'
export { HistoryNotFoundError } from './conversation-queries'
export { HistoryImportError, type ImportReport, type ImportCounts } from './import-history'
export type { SearchHit, SearchHitKind, SearchOptions, SearchPage } from './search-history'
export type { MatchMode } from './search-text'
export { mark, SNIPPET_CLOSE, SNIPPET_OPEN, type Snippet } from './snippet'
export {
  HISTORY_FORMAT,
  HISTORY_FORMAT_VERSION,
  HistoryExportSchema,
  type HistoryExport,
  type ExportedConversation,
  type ExportedMessage,
  type ExportedRun,
} from './history-export-schema'
export { type ExportOptions } from './export-history'
export { exportFileName, titleSlug, type ExportScope } from './export-file-name'
export { describeStorageFailure, isStorageError, type StorageFailure } from './storage-failure'
