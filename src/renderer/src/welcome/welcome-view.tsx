/** Placeholder: being built. */
export function WelcomeView() {
  return null
}
