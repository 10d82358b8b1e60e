/** Placeholder: being built. A chat (one model) or a comparison (2–8 columns). */
export function ConversationScreen(_props: {
  conversationId?: string
  mode: 'chat' | 'compare' | null
}) {
  return null
}
