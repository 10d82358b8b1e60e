import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { ROVING_CELL } from './use-roving-focus'

export interface MenuAction {
  id: string
  label: string
  onSelect(): void
  danger?: boolean
}

interface Placement {
  left: number
  top?: number
  bottom?: number
}

/** Roughly the height of the menu: below this much room under the button it opens upwards. */
const ROOM_NEEDED = 220

/**
 * A "More" button opening a menu of actions (WAI-ARIA menu button): arrows, Home and End move
 * between items, Escape or Tab closes and gives focus back to the button, a click outside
 * closes. The menu is drawn in a layer over the page so the scrolling sidebar cannot clip it.
 */
export function ActionMenu({
  buttonLabel,
  menuLabel,
  actions,
  buttonRef,
  className,
  inGrid = false,
}: {
  buttonLabel: string
  menuLabel: string
  actions: MenuAction[]
  /** The parent's handle on the button, to give focus back to it after a dialog or rename. */
  buttonRef: RefObject<HTMLButtonElement | null>
  className?: string
  /**
   * The button is a cell of a roving-focus grid: out of the Tab order, and Up and Down move
   * between rows instead of opening the menu (Enter, Space, Shift+F10 and a click open it).
   */
  inGrid?: boolean
}) {
  const [placement, setPlacement] = useState<Placement | null>(null)
  const button = buttonRef
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const open = placement !== null

  useEffect(() => {
    if (!open) return
    menuItems(menu.current)[0]?.focus()
    const closeOutside = (event: Event) => {
      const target = event.target as Node | null
      if (menu.current?.contains(target) || button.current?.contains(target)) return
      setPlacement(null)
    }
    const close = () => setPlacement(null)
    document.addEventListener('pointerdown', closeOutside, true)
    document.addEventListener('scroll', close, true)
    window.addEventListener('resize', close)
    return () => {
      document.removeEventListener('pointerdown', closeOutside, true)
      document.removeEventListener('scroll', close, true)
      window.removeEventListener('resize', close)
    }
  }, [open, button])

  const show = () => {
    const rect = button.current?.getBoundingClientRect()
    if (!rect) return
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - 200))
    setPlacement(
      window.innerHeight - rect.bottom < ROOM_NEEDED && rect.top > ROOM_NEEDED
        ? { left, bottom: window.innerHeight - rect.top + 4 }
        : { left, top: rect.bottom + 4 },
    )
  }

  const close = () => {
    setPlacement(null)
    button.current?.focus()
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems(menu.current)
    const at = items.indexOf(document.activeElement as HTMLElement)
    const move = (index: number) => items[(index + items.length) % items.length]?.focus()
    switch (event.key) {
      case 'Escape':
        event.preventDefault()
        event.stopPropagation()
        close()
        return
      case 'Tab':
        close()
        break
      case 'ArrowDown':
        move(at + 1)
        break
      case 'ArrowUp':
        move(at - 1)
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(items.length - 1)
        break
      default:
        return
    }
    event.preventDefault()
  }

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-label={buttonLabel}
        title={buttonLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        tabIndex={inGrid ? -1 : undefined}
        {...(inGrid ? { [ROVING_CELL]: '' } : {})}
        onClick={() => (open ? setPlacement(null) : show())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open && !inGrid) {
            event.preventDefault()
            show()
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {placement &&
        createPortal(
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label={menuLabel}
            className="history-menu"
            style={placement}
            onKeyDown={onMenuKey}
          >
            {actions.map((action) => (
              <button
                key={action.id}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={action.danger ? 'history-menu-item danger' : 'history-menu-item'}
                onClick={() => {
                  close()
                  action.onSelect()
                }}
              >
                {action.label}
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  )
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')] : []
}
