import { createContext } from 'react'

/** The CSS variable a comparison row sets to the height of its tallest column head's content. */
export const HEAD_HEIGHT_VAR = '--column-head-height'

/**
 * Keeps the column heads of one comparison row the same height, so the answers side by side
 * start on one line whatever each head holds (more parameter chips, a queue wait, a longer
 * speed). Each head's content is measured with a ResizeObserver; the row gets the tallest as
 * `--column-head-height`, which every head takes as its minimum height.
 *
 * Not CSS subgrid: a subgrid cannot have layout or paint containment, and the cards keep
 * `contain: layout paint` so a streaming answer costs the same at its end as at its start.
 * The observer fires only when a head's size changes, not on every streamed batch.
 */
export class HeadHeights {
  private readonly heights = new Map<Element, number>()
  private observer: ResizeObserver | null = null
  private row: HTMLElement | null = null
  private shown: number | null = null

  /** The row element that gets the variable (null once it is gone). */
  attach(row: HTMLElement | null): void {
    this.row = row
    this.shown = null
    this.show()
  }

  /** Measures one head's content until the returned function is called. */
  observe(content: HTMLElement): () => void {
    if (typeof ResizeObserver === 'undefined') return () => undefined
    this.observer ??= new ResizeObserver((entries) => {
      for (const entry of entries) {
        const size = entry.borderBoxSize[0]
        this.heights.set(entry.target, size ? size.blockSize : entry.contentRect.height)
      }
      this.show()
    })
    this.observer.observe(content)
    return () => {
      this.observer?.unobserve(content)
      this.heights.delete(content)
      this.show()
    }
  }

  private show(): void {
    if (!this.row) return
    const tallest = this.heights.size > 0 ? Math.ceil(Math.max(...this.heights.values())) : null
    if (tallest === this.shown) return
    this.shown = tallest
    if (tallest === null) this.row.style.removeProperty(HEAD_HEIGHT_VAR)
    else this.row.style.setProperty(HEAD_HEIGHT_VAR, `${tallest}px`)
  }
}

/** The row's HeadHeights, for the column heads inside it (none outside a comparison row). */
export const HeadHeightsContext = createContext<HeadHeights | null>(null)
