/** Placeholder: being built. */
export function ShortcutsLayer() {
  return null
}
