import type { Handlers } from '../../shared/dispatch'
import type { BackupService } from '../backups/index'
import { exportFileName } from './export-history'
import type { HistoryStore } from './history-store'

type HistoryMethod =
  | 'history.list'
  | 'history.get'
  | 'history.search'
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
    'history.update': ({ id, ...changes }) => history.updateConversation(id, changes),
    'history.delete': ({ id }) => ({ deleted: history.deleteConversation(id) }),
    'history.export': ({ format, conversationIds }) => {
      const scope = conversationIds ? { conversationIds } : {}
      const fileName = exportFileName(format, now())
      return format === 'json'
        ? { format, fileName, content: JSON.stringify(history.exportJson(scope), null, 2) }
        : { format, fileName, content: history.exportMarkdown(scope) }
    },
    'history.import': ({ data }) => history.importJson(data),
    'history.backups': () => backups.list(),
    'history.restore': ({ backup }) => backups.restore(backup),
    // The contract refuses a call without `confirm: true` before it gets here.
    'history.clear': () => ({ deleted: history.clear() }),
  }
}
