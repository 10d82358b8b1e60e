/** Placeholder: being built. */
export function ConnectionsView() {
  return null
}
