import { useI18n } from '../i18n/i18n'

/** ‹ 2 / 3 › — flips between versions of a prompt or answers of a prompt. */
export function SiblingSwitcher(props: {
  index: number
  count: number
  onChange(index: number): void
  label: string
}) {
  const { t } = useI18n()
  if (props.count < 2) return null
  return (
    <span className="sibling-switcher" role="group" aria-label={props.label}>
      <button
        type="button"
        aria-label={t('chat.sibling.previous')}
        disabled={props.index === 0}
        onClick={() => props.onChange(props.index - 1)}
      >
        ‹
      </button>
      <span data-testid="sibling-position">
        {props.index + 1} / {props.count}
      </span>
      <button
        type="button"
        aria-label={t('chat.sibling.next')}
        disabled={props.index >= props.count - 1}
        onClick={() => props.onChange(props.index + 1)}
      >
        ›
      </button>
    </span>
  )
}
