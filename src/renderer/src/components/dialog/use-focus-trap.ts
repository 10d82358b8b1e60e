import { useEffect, type KeyboardEvent, type RefObject } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

function focusablesIn(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : []
}

/**
 * The focus trap every modal dialog uses. When the container mounts, focus moves to its
 * `[data-autofocus]` element, else its first focusable one, else the container itself; Tab and
 * Shift+Tab wrap around inside it; Escape calls `onEscape`; when it unmounts, focus goes back to
 * where it was. Returns the keydown handler to put on the container.
 */
export function useFocusTrap(
  container: RefObject<HTMLElement | null>,
  onEscape: () => void,
): (event: KeyboardEvent<HTMLElement>) => void {
  useEffect(() => {
    const root = container.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ?? focusablesIn(root)[0] ?? root
    first?.focus()
    return () => {
      // Give focus back unless whatever the dialog ran has moved it somewhere on purpose.
      const active = document.activeElement
      const untouched = active === null || active === document.body || root?.contains(active)
      if (untouched && opener?.isConnected) opener.focus()
    }
  }, [container])

  return (event) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onEscape()
      return
    }
    if (event.key !== 'Tab') return
    const root = container.current
    const items = focusablesIn(root)
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) {
      event.preventDefault()
      return
    }
    const active = document.activeElement
    // The container itself holds focus after a click on its text: Shift+Tab must not leave.
    if (event.shiftKey && (active === first || active === root)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && active === last) {
      event.preventDefault()
      first.focus()
    }
  }
}
