import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import { useLiveRunStore } from '../runs/live-run-context'
import type { Turn } from './conversation-thread'
import { TurnView, type TurnActions } from './turn-view'

/** The turns, kept scrolled to the newest text while the person is reading at the bottom. */
export function TurnList(props: { turns: Turn[]; mode: 'chat' | 'compare'; actions: TurnActions }) {
  const { t } = useI18n()
  const scroller = useRef<HTMLDivElement>(null)
  const pinned = useRef(true)
  const store = useLiveRunStore()
  const conversationId = props.turns[0]?.message.conversationId

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80
    }
    element.addEventListener('scroll', onScroll, { passive: true })
    return () => element.removeEventListener('scroll', onScroll)
  }, [])

  useEffect(() => {
    const follow = () => {
      const element = scroller.current
      if (element && pinned.current) element.scrollTop = element.scrollHeight
    }
    follow()
    return store.onAny((run) => {
      if (run.conversationId === conversationId) requestAnimationFrame(follow)
    })
  }, [store, conversationId, props.turns.length])

  return (
    <div className="turn-list" ref={scroller} data-testid="turn-list">
      {props.turns.length === 0 ? (
        <p className="turn-list-empty">
          {props.mode === 'compare' ? t('compare.empty') : t('chat.empty')}
        </p>
      ) : (
        props.turns.map((turn) => (
          <TurnView key={turn.message.id} turn={turn} mode={props.mode} actions={props.actions} />
        ))
      )}
    </div>
  )
}
