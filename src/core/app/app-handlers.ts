import { providers } from '@parallax/llm'
import type { Notice } from '../../shared/contract'
import type { Handlers } from '../../shared/dispatch'
import type { HistoryStore } from '../history/index'
import { readAppInfo, type AppInfoSource } from './app-info'

type AppMethod = 'app.info' | 'app.notices' | 'app.openWindow' | 'providers.list'

export interface AppHandlerDeps {
  info: AppInfoSource
  /** Start-up news, kept for the renderer to ask for once it listens (see startup-notices.ts). */
  notices: readonly Notice[]
  history: HistoryStore
  /** Opens a conversation in a window of its own; hosts without windows leave it out. */
  openWindow: ((conversationId: string) => boolean) | undefined
}

/** The app itself: what runs where, start-up notices, the provider list, another window. */
export function createAppHandlers(deps: AppHandlerDeps): Pick<Handlers, AppMethod> {
  return {
    'app.info': () => readAppInfo(deps.info),
    'app.notices': () => ({ notices: [...deps.notices] }),
    'providers.list': () => ({ providers }),
    'app.openWindow': ({ conversationId }) => {
      // Refuses (not_found) a conversation that does not exist before any window opens.
      deps.history.getConversation(conversationId)
      return { opened: deps.openWindow?.(conversationId) ?? false }
    },
  }
}
