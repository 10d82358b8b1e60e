// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ROVING_CELL, ROVING_ROW, useRovingFocus } from './use-roving-focus'

afterEach(cleanup)

/** A grid as the history draws one: a heading row, then rows of an open button and a menu button. */
function Grid(props: {
  keys: string[]
  preferred?: string
  editing?: string
  onMenu?(key: string): void
}) {
  const roving = useRovingFocus(props.keys, props.preferred ?? null)
  return (
    <div role="grid" aria-label="Conversations" {...roving.gridProps}>
      <div role="row">
        <div role="gridcell">Today</div>
      </div>
      {props.keys.map((key) => (
        <div key={key} role="row" {...{ [ROVING_ROW]: key }}>
          <div role="gridcell">
            {key === props.editing ? (
              <input aria-label={`Title of ${key}`} defaultValue={key} />
            ) : (
              <button
                type="button"
                tabIndex={key === roving.activeKey ? 0 : -1}
                {...{ [ROVING_CELL]: '' }}
              >
                {key}
              </button>
            )}
          </div>
          <div role="gridcell">
            <button
              type="button"
              aria-haspopup="menu"
              aria-label={`More for ${key}`}
              tabIndex={-1}
              {...{ [ROVING_CELL]: '' }}
              onClick={() => props.onMenu?.(key)}
            >
              ⋯
            </button>
          </div>
        </div>
      ))}
    </div>
  )
}

const open = (key: string) => screen.getByRole('button', { name: key })
const more = (key: string) => screen.getByRole('button', { name: `More for ${key}` })
const tabStops = () =>
  [...document.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((el) => el.textContent)

describe('useRovingFocus', () => {
  it('gives the grid one Tab stop: the preferred row, else the first', () => {
    const { rerender } = render(<Grid keys={['a', 'b', 'c']} preferred="b" />)
    expect(tabStops()).toEqual(['b'])
    rerender(<Grid keys={['a', 'b', 'c']} preferred="gone" />)
    expect(tabStops()).toEqual(['a'])
  })

  it('moves between rows with Up, Down, Home and End, passing over the heading row', () => {
    render(<Grid keys={['a', 'b', 'c']} />)
    act(() => open('a').focus())
    fireEvent.keyDown(open('a'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(open('b'))
    expect(tabStops()).toEqual(['b'])
    fireEvent.keyDown(open('b'), { key: 'End' })
    expect(document.activeElement).toBe(open('c'))
    fireEvent.keyDown(open('c'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(open('c'))
    fireEvent.keyDown(open('c'), { key: 'Home' })
    expect(document.activeElement).toBe(open('a'))
    fireEvent.keyDown(open('a'), { key: 'ArrowUp' })
    expect(document.activeElement).toBe(open('a'))
    expect(tabStops()).toEqual(['a'])
  })

  it('reaches the menu button with Right, keeps the column between rows, and comes back with Left', () => {
    render(<Grid keys={['a', 'b']} />)
    act(() => open('a').focus())
    fireEvent.keyDown(open('a'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(more('a'))
    fireEvent.keyDown(more('a'), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(more('b'))
    fireEvent.keyDown(more('b'), { key: 'ArrowLeft' })
    expect(document.activeElement).toBe(open('b'))
    expect(tabStops()).toEqual(['b'])
  })

  it('opens the row menu with Shift+F10 or the context-menu key, not with F10 alone', () => {
    const opened: string[] = []
    render(<Grid keys={['a', 'b']} onMenu={(key) => opened.push(key)} />)
    act(() => open('b').focus())
    fireEvent.keyDown(open('b'), { key: 'F10' })
    expect(opened).toEqual([])
    fireEvent.keyDown(open('b'), { key: 'F10', shiftKey: true })
    fireEvent.keyDown(open('b'), { key: 'ContextMenu' })
    expect(opened).toEqual(['b', 'b'])
  })

  it('leaves the arrows to a text field in a row', () => {
    render(<Grid keys={['a', 'b']} editing="a" />)
    const field = screen.getByRole('textbox', { name: 'Title of a' })
    act(() => field.focus())
    const notHandled = fireEvent.keyDown(field, { key: 'ArrowDown' })
    expect(notHandled).toBe(true)
    expect(document.activeElement).toBe(field)
  })

  it('hands the Tab stop back when the focused row goes away', () => {
    const { rerender } = render(<Grid keys={['a', 'b', 'c']} preferred="a" />)
    act(() => open('c').focus())
    expect(tabStops()).toEqual(['c'])
    rerender(<Grid keys={['a', 'b']} preferred="a" />)
    expect(tabStops()).toEqual(['a'])
  })
})
