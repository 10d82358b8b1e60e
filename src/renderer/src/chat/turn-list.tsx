import { useEffect, useRef } from 'react'
import { useI18n } from '../i18n/i18n'
import type { Turn } from './conversation-thread'
import { TurnView, type TurnActions } from './turn-view'

/** The turns, kept scrolled to the newest text while the person is reading at the bottom. */
export function TurnList(props: { turns: Turn[]; mode: 'chat' | 'compare'; actions: TurnActions }) {
  const { t } = useI18n()
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const pinned = useRef(true)

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const onScroll = () => {
      pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80
    }
    element.addEventListener('scroll', onScroll, { passive: true })
    return () => element.removeEventListener('scroll', onScroll)
  }, [])

  // Follows the text as it grows. The scroll waits for the next frame: scrolling inside the
  // observer's callback would lay the page out again in the middle of a streaming frame (blocks
  // scrolled into view leave `content-visibility: auto`), which bench:ui showed to cost far more.
  useEffect(() => {
    const element = scroller.current
    const inner = content.current
    if (!element || !inner) return
    let frame: number | null = null
    const follow = () => {
      frame = null
      if (pinned.current) element.scrollTop = element.scrollHeight
    }
    follow()
    const observer = new ResizeObserver(() => {
      frame ??= requestAnimationFrame(follow)
    })
    observer.observe(inner)
    return () => {
      observer.disconnect()
      if (frame !== null) cancelAnimationFrame(frame)
    }
  }, [])

  return (
    <div className="turn-list" ref={scroller} data-testid="turn-list">
      <div className="turn-list-content" ref={content}>
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
    </div>
  )
}
