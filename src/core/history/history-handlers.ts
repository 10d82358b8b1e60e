import type { Handlers } from '../../shared/dispatch'
import type { BackupService } from '../backups/index'
import { exportFileName, type ExportScope } from './export-file-name'
import type { HistoryStore } from './history-store'

type HistoryMethod =
  | 'history.list'
  | 'history.get'
  | 'history.search'
  | 'history.searchIndex'
  | 'history.update'
  | 'history.delete'
  | 'history.export'
  | 'history.import'
  | 'history.backups'
  | 'history.restore'
  | 'history.clear'

export interface HistoryHandlerDeps {
  history: HistoryStore
  backups: BackupService
  now?: () => Date
}

/** Conversations: listing, search, edits, export and import, backups and clearing everything. */
export function createHistoryHandlers(deps: HistoryHandlerDeps): Pick<Handlers, HistoryMethod> {
  const { history, backups } = deps
  const now = deps.now ?? (() => new Date())
  return {
    'history.list': (input) => history.listConversations(input),
    'history.get': ({ id }) => history.getConversation(id),
    'history.search': (input) => history.search(input),
    'history.searchIndex': () => {
      const rebuild = history.searchRebuild()
      return { rebuilding: rebuild !== null, percent: rebuild?.percent ?? 100 }
    },
    'history.update': ({ id, ...changes }) => history.updateConversation(id, changes),
    'history.delete': ({ id }) => ({ deleted: history.deleteConversation(id) }),
    'history.export': ({ format, conversationIds, timeZone, labels }) => {
      const scope = conversationIds ? { conversationIds } : {}
      const named = exportScope(history, conversationIds)
      const fileName = exportFileName(named, format, now(), timeZone)
      return format === 'json'
        ? { format, fileName, content: JSON.stringify(history.exportJson(scope), null, 2) }
        : { format, fileName, content: history.exportMarkdown({ ...scope, labels }) }
    },
    'history.import': ({ data }) => history.importJson(data),
    'history.backups': () => backups.list(),
    'history.restore': ({ backup }) => backups.restore(backup),
    // The contract refuses a call without `confirm: true` before it gets here.
    'history.clear': () => ({ deleted: history.clear() }),
  }
}

/** What the export file is named for: the conversation's title when it holds one. */
function exportScope(history: HistoryStore, ids: string[] | undefined): ExportScope {
  if (!ids) return { kind: 'all' }
  const [only] = ids
  if (ids.length !== 1 || only === undefined) return { kind: 'several', count: ids.length }
  const { conversation } = history.getConversation(only)
  return { kind: 'conversation', id: conversation.id, title: conversation.title }
}
