import { FOCUS_INPUT_EVENT } from './shortcut-table'

/** About half a second of frames: a new chat or comparison screen mounts well within it. */
const MAX_FRAMES = 30

/**
 * Puts focus in the prompt box of the screen just navigated to (New chat, Compare), so that
 * typing goes there instead of nowhere. The screen may still be mounting, so the composer is
 * asked once a frame until a prompt box has focus; a screen without one (the welcome) leaves
 * focus where it was.
 */
export function focusPromptWhenShown(): void {
  let frames = 0
  const attempt = () => {
    window.dispatchEvent(new CustomEvent(FOCUS_INPUT_EVENT))
    if (document.activeElement instanceof HTMLTextAreaElement || ++frames >= MAX_FRAMES) return
    requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}
