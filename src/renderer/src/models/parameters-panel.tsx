import { useEffect, useId } from 'react'
import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { useI18n } from '../i18n/i18n'
import { NumericParamRow } from './numeric-param-row'
import { NUMERIC_SPECS, type NumericParameterName } from './param-specs'
import { PresetsMenu } from './presets-menu'
import { ReasoningEffortRow } from './reasoning-effort-row'
import {
  dropUnsupported,
  stopSequencesOf,
  supportOf,
  withoutAnswers,
  withoutKeys,
  withParameter,
  type RunParameters,
} from './run-parameters'
import { StopSequencesRow } from './stop-sequences-row'
import './parameters.css'

export interface ParametersPanelProps {
  /** The chosen model's; null (no model yet) enables every control. */
  capabilities: ModelCapabilitiesView | null
  value: RunParameters
  onChange(next: RunParameters): void
  systemPrompt?: string
  /** Without it the panel shows no system prompt box. */
  onSystemPromptChange?(next: string): void
  /**
   * Chat: offers n, how many answers to write (separate runs). Without it (a comparison column,
   * which shows one answer) there is no n row and n never stays in the value.
   */
  offerAnswers?: boolean
  compact?: boolean
}

const SAMPLING: NumericParameterName[] = ['temperature', 'top_p']
const PENALTIES: NumericParameterName[] = ['presence_penalty', 'frequency_penalty']
/** The keys this panel edits; "reset all" leaves others (tools, response_format) alone. */
const PANEL_KEYS = [
  'temperature',
  'top_p',
  'max_tokens',
  'stop',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'reasoning_effort',
  'n',
] as const

/**
 * The request parameters of a run, each limited to what the chosen model accepts. Parameters the
 * model rejects are disabled with the reason and removed from the value.
 */
export function ParametersPanel(props: ParametersPanelProps) {
  const { t } = useI18n()
  const { capabilities, value, onChange, onSystemPromptChange, offerAnswers = false } = props
  const headingId = useId()
  const systemId = useId()

  // Switching to a model that rejects a parameter must not send it.
  useEffect(() => {
    const kept = allowedParameters(value, capabilities, offerAnswers)
    if (kept !== value) onChange(kept)
  }, [capabilities, value, onChange, offerAnswers])

  const numeric = (name: NumericParameterName) => {
    const current = value[name]
    return (
      <NumericParamRow
        key={name}
        spec={NUMERIC_SPECS[name]}
        capabilities={capabilities}
        value={typeof current === 'number' ? current : undefined}
        onChange={(next) => onChange(withParameter(value, name, next))}
      />
    )
  }

  const anySet = PANEL_KEYS.some((key) => value[key] !== undefined)
  const resetAll = () => onChange(withoutKeys(value, PANEL_KEYS))

  return (
    <section
      className={props.compact ? 'parameters-panel parameters-compact' : 'parameters-panel'}
      aria-labelledby={headingId}
      data-testid="parameters-panel"
    >
      <header className="parameters-header">
        <h2 id={headingId}>{t('params.title')}</h2>
        {capabilities && (
          <span className="parameters-model">
            {t('params.forModel', { model: capabilities.label })}
          </span>
        )}
        <button type="button" className="param-small-button" disabled={!anySet} onClick={resetAll}>
          {t('params.resetAll')}
        </button>
      </header>
      <PresetsMenu
        parameters={value}
        systemPrompt={onSystemPromptChange ? (props.systemPrompt ?? '') : undefined}
        onApply={(preset) => {
          onChange(allowedParameters(preset.parameters, capabilities, offerAnswers))
          if (onSystemPromptChange && preset.systemPrompt !== undefined) {
            onSystemPromptChange(preset.systemPrompt)
          }
        }}
      />
      {onSystemPromptChange && (
        <div className="param-row param-system" data-testid="param-system">
          <label htmlFor={systemId} className="param-label">
            {t('params.systemPrompt')}
          </label>
          <textarea
            id={systemId}
            className="param-textarea"
            rows={props.compact ? 2 : 4}
            placeholder={t('params.systemPrompt.placeholder')}
            value={props.systemPrompt ?? ''}
            onChange={(event) => onSystemPromptChange(event.target.value)}
          />
        </div>
      )}
      <div className="parameters-grid">
        {SAMPLING.map(numeric)}
        {numeric('max_tokens')}
        <ReasoningEffortRow
          support={supportOf(capabilities, 'reasoning_effort')}
          value={value.reasoning_effort ?? undefined}
          onChange={(next) => onChange(withParameter(value, 'reasoning_effort', next))}
        />
        {PENALTIES.map(numeric)}
        <StopSequencesRow
          support={supportOf(capabilities, 'stop')}
          value={stopSequencesOf(value)}
          onChange={(next) =>
            onChange(withParameter(value, 'stop', next.length ? next : undefined))
          }
        />
        {numeric('seed')}
        {offerAnswers && numeric('n')}
      </div>
    </section>
  )
}

/** What the panel may hold: what the model accepts, and n only where answers are offered. */
function allowedParameters(
  value: RunParameters,
  capabilities: ModelCapabilitiesView | null,
  offerAnswers: boolean,
): RunParameters {
  const supported = dropUnsupported(value, capabilities)
  return offerAnswers ? supported : withoutAnswers(supported)
}
