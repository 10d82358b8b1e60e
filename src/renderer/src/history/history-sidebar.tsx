/** Placeholder: being built. */
export function HistorySidebar() {
  return null
}
