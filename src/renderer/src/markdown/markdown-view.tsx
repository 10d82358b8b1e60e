/** Placeholder: being built. Renders untrusted model output as Markdown, never as raw HTML. */
export function MarkdownView({ text }: { text: string; streaming?: boolean }) {
  return <div className="markdown">{text}</div>
}
