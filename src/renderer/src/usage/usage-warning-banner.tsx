/** Placeholder: being built. */
export function UsageWarningBanner() {
  return null
}
