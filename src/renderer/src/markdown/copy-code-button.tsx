import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'

type CopyState = 'idle' | 'copied' | 'failed'

/** Copies the raw code and says so for 1.5 s. */
export function CopyCodeButton({ code }: { code: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])

  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }
  const message =
    state === 'copied'
      ? t('markdown.code.copied')
      : state === 'failed'
        ? t('markdown.code.copyFailed')
        : ''

  return (
    <>
      <button
        type="button"
        className="markdown-code-copy"
        aria-label={state === 'idle' ? t('markdown.code.copyLabel') : message}
        onClick={copy}
      >
        {state === 'idle' ? t('markdown.code.copy') : message}
      </button>
      <span role="status" className="visually-hidden">
        {message}
      </span>
    </>
  )
}
