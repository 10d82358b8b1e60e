import type { Element, ElementContent } from 'hast'
import type { ComponentProps } from 'react'
import type { Components, ExtraProps } from 'react-markdown'
import { useI18n } from '../i18n/i18n'
import { CodeBlock } from './code-block'
import { MarkdownImage } from './markdown-image'
import { MarkdownLink } from './markdown-link'

/**
 * Every element Markdown (with GFM, footnotes shown as text) can produce. HTML in model text is
 * never parsed into elements, but anything outside this list would be unwrapped to its text.
 */
export const ALLOWED_ELEMENTS = (
  'p h1 h2 h3 h4 h5 h6 hr br blockquote ul ol li input em strong del code pre a img ' +
  'table thead tbody tr th td'
).split(' ')

export const MARKDOWN_COMPONENTS: Components = {
  a: MarkdownLink,
  img: MarkdownImage,
  pre: MarkdownPre,
  input: TaskCheckbox,
  table: ScrollableTable,
}

/** A code block inside other Markdown (a list item, indented code): same look as a top-level one. */
function MarkdownPre({ node }: ComponentProps<'pre'> & ExtraProps) {
  const code = node?.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  )
  const className = code?.properties.className
  const languageClass = Array.isArray(className)
    ? className.find((name) => String(name).startsWith('language-'))
    : undefined
  const language = languageClass ? String(languageClass).slice('language-'.length) : ''
  return <CodeBlock language={language} code={textOf(code?.children ?? []).replace(/\n$/, '')} />
}

function textOf(nodes: ElementContent[]): string {
  return nodes
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? textOf(child.children) : '',
    )
    .join('')
}

/** GFM task list box: shows the state, never editable. */
function TaskCheckbox({ type, checked }: ComponentProps<'input'>) {
  const { t } = useI18n()
  if (type !== 'checkbox') return null
  return (
    <input
      type="checkbox"
      className="markdown-task-checkbox"
      checked={checked === true}
      disabled
      readOnly
      aria-label={t('markdown.task.label')}
    />
  )
}

function ScrollableTable({ children }: ComponentProps<'table'>) {
  return (
    <div className="markdown-table-scroll" tabIndex={0}>
      <table>{children}</table>
    </div>
  )
}
