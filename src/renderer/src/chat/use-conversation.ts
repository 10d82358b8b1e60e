import { useCallback, useEffect, useRef, useState } from 'react'
import { useAppStore } from '../app/app-context'
import { onEventsMissed } from '../host/events-missed'
import type { ConversationDetail } from './conversation-thread'

export type ConversationLoad =
  | { status: 'loading' }
  | { status: 'ready'; detail: ConversationDetail }
  | { status: 'error'; message: string }

/**
 * A saved conversation, read again when one of its runs starts or ends (so new runs appear and
 * finished ones show their saved numbers), and when host events were missed.
 */
export function useConversation(id: string | undefined): {
  load: ConversationLoad | null
  reload(): void
} {
  const { client } = useAppStore()
  const [load, setLoad] = useState<ConversationLoad | null>(id ? { status: 'loading' } : null)
  const request = useRef(0)

  const reload = useCallback(() => {
    if (!id) return
    const mine = ++request.current
    void client.invoke('history.get', { id }).then((result) => {
      if (mine !== request.current) return
      setLoad(
        result.ok
          ? { status: 'ready', detail: result.value }
          : { status: 'error', message: result.error.message },
      )
    })
  }, [client, id])

  useEffect(() => {
    if (!id) return
    const mine = ++request.current
    void client.invoke('history.get', { id }).then((result) => {
      if (mine !== request.current) return
      setLoad(
        result.ok
          ? { status: 'ready', detail: result.value }
          : { status: 'error', message: result.error.message },
      )
    })
    const ofThis = (payload: { conversationId: string }) => {
      if (payload.conversationId === id) reload()
    }
    const offStarted = client.on('run.started', ofThis)
    const offDone = client.on('run.done', ofThis)
    const offMissed = onEventsMissed(client, reload)
    return () => {
      offStarted()
      offDone()
      offMissed()
    }
  }, [client, id, reload])

  return { load, reload }
}
