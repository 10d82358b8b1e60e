import { useEffect, useRef, type RefObject } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { Turn } from './conversation-thread'
import { TurnView, type TurnActions } from './turn-view'

/**
 * Where the list keeps itself while its content changes size: at the bottom (following new
 * text), at the last turn's start (a conversation just reopened, until the person scrolls), at
 * the start of the turn the route names (a search match opened), or wherever the person
 * scrolled to.
 */
type Anchor = 'bottom' | 'lastTurn' | 'found' | null

/** What the person does to scroll; the list's own scrolls fire none of these. */
const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const

/**
 * The turns, kept scrolled to the newest text while the person is reading at the bottom. A
 * reopened conversation starts at its last turn. A comparison scrolls sideways as one piece when
 * its columns do not fit.
 */
export function TurnList(props: { turns: Turn[]; mode: 'chat' | 'compare'; actions: TurnActions }) {
  const { t } = useI18n()
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  // Turns present when the list first shows are a saved conversation being reopened.
  const anchor = useRef<Anchor>(props.turns.length > 0 ? 'lastTurn' : 'bottom')
  const turnCount = useRef(props.turns.length)
  const found = useFoundTurn(props.turns, content, anchor)

  // A new prompt sent here: follow its answers from the bottom again.
  useEffect(() => {
    if (props.turns.length > turnCount.current) anchor.current = 'bottom'
    turnCount.current = props.turns.length
  }, [props.turns.length])

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const onScroll = () => {
      // Scrolls the list makes itself keep the reopening anchor; only the person's own end it.
      if (anchor.current === 'lastTurn' || anchor.current === 'found') return
      const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 80
      anchor.current = atBottom ? 'bottom' : null
    }
    const onUserScroll = () => {
      if (anchor.current === 'lastTurn' || anchor.current === 'found') anchor.current = null
    }
    element.addEventListener('scroll', onScroll, { passive: true })
    for (const type of USER_SCROLL_EVENTS) {
      element.addEventListener(type, onUserScroll, { passive: true })
    }
    return () => {
      element.removeEventListener('scroll', onScroll)
      for (const type of USER_SCROLL_EVENTS) {
        element.removeEventListener(type, onUserScroll)
      }
    }
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
      if (anchor.current === 'bottom') element.scrollTop = element.scrollHeight
      else if (anchor.current === 'lastTurn') element.scrollTop = lastTurnTop(element, inner)
      else if (anchor.current === 'found' && found.current)
        element.scrollTop = turnTop(element, found.current)
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
  }, [found])

  // A comparison's widest turn sets the width every turn lays its columns out in.
  const columns = Math.max(1, ...props.turns.map((turn) => turn.runs.length))
  return (
    <div className="turn-list" ref={scroller} data-testid="turn-list">
      <div
        className="turn-list-content"
        ref={content}
        style={props.mode === 'compare' ? { ['--columns' as string]: String(columns) } : undefined}
      >
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

/**
 * The turn holding the message the route names (`#/c/<id>?m=<message>`, a search match): the list
 * anchors to it instead of the last turn, and it is marked (`data-found`, `aria-current`) until
 * the next click in the list or another route. Each navigation, even to the same message, finds
 * it again.
 */
function useFoundTurn(
  turns: Turn[],
  contentRef: RefObject<HTMLDivElement | null>,
  anchorRef: RefObject<Anchor>,
) {
  const route = useAppState((app) => app.route)
  const found = useRef<HTMLElement | null>(null)
  const latestTurns = useRef(turns)
  useEffect(() => {
    latestTurns.current = turns
  }, [turns])
  const loaded = turns.length > 0
  useEffect(() => {
    const message = route.name === 'conversation' ? route.message : undefined
    const index = message
      ? latestTurns.current.findIndex(
          (turn) => turn.message.id === message || turn.siblings.some((m) => m.id === message),
        )
      : -1
    const element = index >= 0 ? contentRef.current?.children[index] : undefined
    if (!(element instanceof HTMLElement)) {
      found.current = null
      if (anchorRef.current === 'found') anchorRef.current = null
      return
    }
    found.current = element
    anchorRef.current = 'found'
    const scroller = element.closest<HTMLElement>('.turn-list')
    if (scroller) scroller.scrollTop = turnTop(scroller, element)
    // Set on the element itself: the turn's own render never touches these attributes.
    element.setAttribute('data-found', '')
    element.setAttribute('aria-current', 'true')
    const unmark = () => {
      element.removeAttribute('data-found')
      element.removeAttribute('aria-current')
    }
    scroller?.addEventListener('pointerdown', unmark, { once: true })
    return () => {
      scroller?.removeEventListener('pointerdown', unmark)
      unmark()
    }
  }, [route, loaded, contentRef, anchorRef])
  return found
}

/** The scroll position that shows `turn` from its start (a little of the one before shows). */
function turnTop(scroller: HTMLElement, turn: HTMLElement): number {
  const top =
    turn.getBoundingClientRect().top -
    scroller.getBoundingClientRect().top -
    scroller.clientTop +
    scroller.scrollTop
  return Math.max(0, Math.min(top - 12, scroller.scrollHeight - scroller.clientHeight))
}

/** The scroll position that shows the last turn from its start (or the end, if it all fits). */
function lastTurnTop(scroller: HTMLElement, content: HTMLElement): number {
  const last = content.lastElementChild
  if (!(last instanceof HTMLElement)) return scroller.scrollHeight
  const top =
    last.getBoundingClientRect().top -
    scroller.getBoundingClientRect().top -
    scroller.clientTop +
    scroller.scrollTop
  const end = scroller.scrollHeight - scroller.clientHeight
  // A little of the turn before shows above, so it reads as the end of a conversation.
  return Math.max(0, Math.min(top - 12, end))
}
