import type { ParameterSupportView } from '../../../shared/model-schemas'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { ParamRow } from './param-row'
import { REASONING_EFFORTS, type ReasoningEffort } from './run-parameters'

const EFFORT_LABELS: Record<ReasoningEffort, MessageKey> = {
  minimal: 'params.effort.minimal',
  low: 'params.effort.low',
  medium: 'params.effort.medium',
  high: 'params.effort.high',
}

export interface ReasoningEffortRowProps {
  support: ParameterSupportView | null
  value: ReasoningEffort | undefined
  onChange(next: ReasoningEffort | undefined): void
}

/** How hard a reasoning model thinks before answering; empty means the model's default. */
export function ReasoningEffortRow({ support, value, onChange }: ReasoningEffortRowProps) {
  const { t } = useI18n()
  const modelDefault =
    support && support.support !== 'unsupported' && typeof support.default === 'string'
      ? support.default
      : undefined
  const defaultLabel = isEffort(modelDefault) ? t(EFFORT_LABELS[modelDefault]) : modelDefault
  return (
    <ParamRow
      name="reasoning_effort"
      label={t('params.reasoningEffort')}
      help={t('params.reasoningEffort.help')}
      support={support}
      modelDefault={defaultLabel}
      isSet={value !== undefined}
      onReset={() => onChange(undefined)}
    >
      {(control) => (
        <select
          id={control.id}
          className="param-select"
          aria-describedby={control.describedBy}
          disabled={control.disabled}
          value={value ?? ''}
          onChange={(event) => {
            const next = event.target.value
            onChange(isEffort(next) ? next : undefined)
          }}
        >
          <option value="">
            {defaultLabel === undefined
              ? t('params.effort.default')
              : t('params.effort.defaultNamed', { value: defaultLabel })}
          </option>
          {REASONING_EFFORTS.map((effort) => (
            <option key={effort} value={effort}>
              {t(EFFORT_LABELS[effort])}
            </option>
          ))}
        </select>
      )}
    </ParamRow>
  )
}

function isEffort(value: string | undefined): value is ReasoningEffort {
  return (REASONING_EFFORTS as readonly (string | undefined)[]).includes(value)
}
