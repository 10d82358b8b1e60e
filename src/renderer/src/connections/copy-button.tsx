import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'

const COPIED_FOR_MS = 2000

/** Copies a text to the clipboard and says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = async () => {
    clearTimeout(timer.current)
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
      timer.current = setTimeout(() => setState('idle'), COPIED_FOR_MS)
    } catch {
      setState('failed')
    }
  }

  return (
    <span className="cx-copy">
      <button type="button" aria-label={label} onClick={() => void copy()}>
        {state === 'copied' ? t('connections.copied') : t('connections.copy')}
      </button>
      <span role="status" className={state === 'failed' ? 'cx-copy-failed' : 'visually-hidden'}>
        {state === 'copied' && t('connections.copied')}
        {state === 'failed' && t('connections.copyFailed')}
      </span>
    </span>
  )
}
