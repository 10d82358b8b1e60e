import { render } from '@testing-library/react'
import { I18nProvider } from '../i18n/i18n'
import { MarkdownView } from '../markdown/markdown-view'

/** Test helper: renders a MarkdownView the way the app does, and can re-render it with new text. */
export function renderMarkdown(text: string, streaming = false) {
  const view = (next: string, nextStreaming: boolean) => (
    <I18nProvider language="en">
      <MarkdownView text={next} streaming={nextStreaming} />
    </I18nProvider>
  )
  const result = render(view(text, streaming))
  return {
    ...result,
    update: (next: string, nextStreaming = streaming) => result.rerender(view(next, nextStreaming)),
  }
}
