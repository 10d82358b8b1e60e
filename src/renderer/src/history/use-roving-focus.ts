import { useState, type FocusEvent, type KeyboardEvent } from 'react'
import { isTypingTarget } from '../shortcuts/typing-target'

/** On each row (role="row") that arrows move between; its value is the row's key. */
export const ROVING_ROW = 'data-roving-row'
/** On each focusable control of a row (in a gridcell); the row's first is its Tab stop. */
export const ROVING_CELL = 'data-roving-cell'

export interface RovingFocus {
  /** The key of the row whose first cell is the grid's one Tab stop. */
  activeKey: string | null
  /** For the element with role="grid". */
  gridProps: {
    onKeyDown(event: KeyboardEvent<HTMLElement>): void
    onFocus(event: FocusEvent<HTMLElement>): void
  }
}

/**
 * A WAI-ARIA layout grid with a roving tabindex: the grid is one Tab stop (the active row's first
 * cell, which the caller gives tabIndex 0 and every other cell -1). Up and Down move between
 * rows, Home and End to the first and last row, Left and Right between a row's cells; Enter is
 * the focused button's own. The context-menu key or Shift+F10 opens the row's menu button.
 * The active row is the one last focused, else `preferred` (the open conversation), else the
 * first; a row that goes away gives the Tab stop back to those.
 */
export function useRovingFocus(keys: readonly string[], preferred: string | null): RovingFocus {
  const [focused, setFocused] = useState<string | null>(null)
  const activeKey =
    [focused, preferred].find((key) => key !== null && keys.includes(key)) ?? keys[0] ?? null

  const onFocus = (event: FocusEvent<HTMLElement>) => {
    const key = rowOf(event.target, event.currentTarget)?.getAttribute(ROVING_ROW) ?? null
    if (key !== null) setFocused(key)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // The rename field keeps its arrows; the row's menu (drawn elsewhere) handles its own keys.
    if (event.defaultPrevented || event.altKey || event.metaKey) return
    if (isTypingTarget(event.target)) return
    const grid = event.currentTarget
    const row = rowOf(event.target, grid)
    if (!row) return
    const rows = [...grid.querySelectorAll<HTMLElement>(`[${ROVING_ROW}]`)]
    const cells = cellsOf(row)
    const column = Math.max(0, cells.indexOf(event.target as HTMLElement))
    const at = rows.indexOf(row)
    const toRow = (index: number) => {
      const target = rows[Math.max(0, Math.min(index, rows.length - 1))]
      if (!target) return
      const targetCells = cellsOf(target)
      ;(targetCells[column] ?? targetCells[0])?.focus()
    }
    switch (event.key) {
      case 'ArrowDown':
        toRow(at + 1)
        break
      case 'ArrowUp':
        toRow(at - 1)
        break
      case 'Home':
        toRow(0)
        break
      case 'End':
        toRow(rows.length - 1)
        break
      case 'ArrowRight':
        cells[column + 1]?.focus()
        break
      case 'ArrowLeft':
        cells[column - 1]?.focus()
        break
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return
        row.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.click()
        break
      default:
        return
    }
    event.preventDefault()
  }

  return { activeKey, gridProps: { onKeyDown, onFocus } }
}

function rowOf(target: EventTarget, grid: HTMLElement): HTMLElement | null {
  if (!(target instanceof Element)) return null
  const row = target.closest<HTMLElement>(`[${ROVING_ROW}]`)
  return row && grid.contains(row) ? row : null
}

function cellsOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(`[${ROVING_CELL}]`)]
}
