import { CopyButton } from '../components/copy-button'
import { useI18n } from '../i18n/i18n'
import { findCodeLanguage } from './code-languages'
import { HighlightedCode } from './highlighted-code'
import { useLoadedGrammar } from './use-loaded-grammar'

/**
 * A code block with a header (language, Copy). Stays readable as plain text until its grammar
 * has loaded; a language Parallax has no grammar for stays plain.
 */
export function CodeBlock(props: { language: string; code: string; growing?: boolean }) {
  const { t } = useI18n()
  const known = findCodeLanguage(props.language)
  const grammar = useLoadedGrammar(known?.grammar)
  const label = known?.label ?? (props.language || t('markdown.code.plainText'))
  return (
    <div className="markdown-code">
      <div className="markdown-code-header">
        <span className="markdown-code-language">{label}</span>
        <CopyButton
          text={props.code}
          label={t('markdown.code.copyLabel')}
          className="markdown-code-copy"
        />
      </div>
      <pre className="markdown-code-body" tabIndex={0}>
        <code className={grammar ? `hljs language-${grammar}` : 'hljs'}>
          <HighlightedCode code={props.code} grammar={grammar} growing={props.growing ?? false} />
        </code>
      </pre>
    </div>
  )
}
