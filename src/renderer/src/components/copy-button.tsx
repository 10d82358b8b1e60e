import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import './copy-button.css'

type CopyState = 'idle' | 'copied' | 'failed'

/** How long the button says "Copied" before it offers to copy again. */
const COPIED_FOR_MS = 1500

interface CopyButtonProps {
  /** What goes to the clipboard; with nothing to copy the button is disabled. */
  text: string
  /** The button's accessible name while it says "Copy": what it copies ("Copy code"). */
  label: string
  /**
   * Keep `label` as the name while the button says "Copied" or "Could not copy": for copy
   * buttons side by side, where that word alone would not say which one it is. Otherwise the
   * name follows what the button says.
   */
  keepLabel?: boolean
  /** A class on the wrapper, for the place's own button style. */
  className?: string
}

/**
 * Copies a text to the clipboard and says so on the button for a moment. When the clipboard
 * refuses (or a page served over plain http has none), it says so and tells the person to copy
 * the text themselves; a live region announces both.
 */
export function CopyButton({ text, label, keepLabel = false, className }: CopyButtonProps) {
  const { t } = useI18n()
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = () => {
    clearTimeout(timer.current)
    const clipboard = navigator.clipboard as Clipboard | undefined
    if (!clipboard) {
      setState('failed')
      return
    }
    clipboard.writeText(text).then(
      () => {
        setState('copied')
        timer.current = setTimeout(() => setState('idle'), COPIED_FOR_MS)
      },
      () => setState('failed'),
    )
  }

  const says = {
    idle: t('copy.copy'),
    copied: t('copy.copied'),
    failed: t('copy.failed'),
  }[state]

  return (
    <span className={className ? `copy-button ${className}` : 'copy-button'}>
      <button
        type="button"
        aria-label={keepLabel || state === 'idle' ? label : says}
        disabled={text === ''}
        onClick={copy}
      >
        {says}
      </button>
      <span role="status" className={state === 'failed' ? 'copy-button-hint' : 'visually-hidden'}>
        {state === 'copied' && t('copy.copied')}
        {state === 'failed' && t('copy.failedHint')}
      </span>
    </span>
  )
}
