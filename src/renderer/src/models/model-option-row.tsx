import type { MouseEvent } from 'react'
import type { ModelEntry } from '../../../shared/model-schemas'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { formatMoney, formatTokens } from '../i18n/format-numbers'
import { modelBadges, type ModelBadge } from './model-format'

const BADGE_KEYS: Record<ModelBadge, MessageKey> = {
  vision: 'models.badge.vision',
  tools: 'models.badge.tools',
  reasoning: 'models.badge.reasoning',
}

interface OptionEvents {
  id: string
  active: boolean
  onHover(): void
  onPick(): void
}

/** One model in the picker: name, limits, price and what it can do. */
export function ModelOptionRow(
  props: OptionEvents & { entry: ModelEntry; connectionId: string; chosen: boolean },
) {
  const { t, language } = useI18n()
  const { entry } = props
  const { capabilities } = entry
  const price = capabilities.price
    ? t('models.meta.price', {
        input: formatMoney(capabilities.price.inputPerMTok, language),
        output: formatMoney(capabilities.price.outputPerMTok, language),
      })
    : t('models.meta.priceUnknown')
  return (
    <div
      {...optionProps(props)}
      data-testid="model-option"
      data-model={entry.id}
      data-connection={props.connectionId}
      data-chosen={props.chosen || undefined}
    >
      <div className="model-option-main">
        <span className="model-option-label">{entry.label}</span>
        {entry.label !== entry.id && <span className="model-option-id">{entry.id}</span>}
        {!entry.listed && <span className="visually-hidden">{t('models.picker.notListed')}</span>}
        {props.chosen && (
          <span className="model-option-check" title={t('models.picker.current')}>
            <span aria-hidden="true">✓</span>
            <span className="visually-hidden">{t('models.picker.current')}</span>
          </span>
        )}
        <span className="model-option-badges">
          {modelBadges(capabilities).map((badge) => (
            <span key={badge} className={`model-badge model-badge-${badge}`}>
              {t(BADGE_KEYS[badge])}
            </span>
          ))}
        </span>
      </div>{' '}
      <div className="model-option-meta">
        {/* The spaces keep the parts apart in the option's accessible name; flex layout drops them. */}
        <span>{t('models.meta.context', { count: formatTokens(capabilities.contextWindow) })}</span>{' '}
        <span>
          {t('models.meta.output', { count: formatTokens(capabilities.maxOutputTokens) })}
        </span>{' '}
        <span className={capabilities.price ? undefined : 'model-option-muted'}>{price}</span>
      </div>
    </div>
  )
}

/** The row that tries the typed text as a model id on one connection. */
export function CustomIdOptionRow(
  props: OptionEvents & { model: string; connectionId: string; connectionLabel: string },
) {
  const { t } = useI18n()
  return (
    <div
      {...optionProps(props)}
      data-testid="model-custom-option"
      data-model={props.model}
      data-connection={props.connectionId}
    >
      <div className="model-option-main">
        <span className="model-option-label">
          {t('models.picker.useCustom', { model: props.model, connection: props.connectionLabel })}
        </span>
      </div>
    </div>
  )
}

function optionProps({ id, active, onHover, onPick }: OptionEvents) {
  return {
    id,
    role: 'option',
    'aria-selected': active,
    className: active ? 'model-option model-option-active' : 'model-option',
    // Keeps the focus in the search box so that typing and arrows go on working.
    onMouseDown: (event: MouseEvent) => event.preventDefault(),
    onMouseMove: () => {
      if (!active) onHover()
    },
    onClick: onPick,
  } as const
}
