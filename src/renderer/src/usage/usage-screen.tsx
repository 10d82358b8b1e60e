/** Placeholder: being built. */
export function UsageScreen() {
  return null
}
