/** Placeholder: being built. */
export function SettingsScreen() {
  return null
}
