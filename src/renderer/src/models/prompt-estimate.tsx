import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { useI18n, type Language, type Translate } from '../i18n/i18n'
import { formatCount, formatMoney } from '../i18n/format-numbers'
import { estimateCostUsd, estimateTokens } from './estimate-tokens'
import type { ModelChoice } from './model-choice'
import { useCapabilitiesOf } from './use-model-lists'
import './models.css'

export interface PromptEstimateProps {
  text: string
  choices: ModelChoice[]
  /** Counted as one more message when given. */
  systemPrompt?: string
  /** Chat n: each answer is its own request, so the prompt is billed this many times. */
  answers?: number
}

/** "≈ 120 tokens · ≈ $0.0001" under the prompt box; one cost per model when comparing. */
export function PromptEstimate({ text, choices, systemPrompt, answers = 1 }: PromptEstimateProps) {
  const { t, language } = useI18n()
  const capabilities = useCapabilitiesOf(choices)
  const tokens = estimateTokens(text) + estimateTokens(systemPrompt ?? '')
  return (
    <p className="prompt-estimate" data-testid="prompt-estimate">
      {formatPromptEstimate(t, language, tokens, capabilities, answers)}
    </p>
  )
}

/** The estimate line; models whose capabilities are still loading are left out. */
export function formatPromptEstimate(
  t: Translate,
  language: Language,
  tokens: number,
  capabilities: readonly (ModelCapabilitiesView | null)[],
  answers = 1,
): string {
  const parts = [t('models.estimate.tokens', { count: formatCount(tokens, language) })]
  const known = capabilities.filter((c): c is ModelCapabilitiesView => c !== null)
  if (known.length === 1 && capabilities.length === 1 && known[0]) {
    parts.push(costText(t, language, tokens, known[0], answers))
  } else {
    for (const model of known) {
      const cost = estimateCostUsd(tokens, model)
      parts.push(
        cost === null
          ? t('models.estimate.perModelUnknown', { model: model.label })
          : t('models.estimate.perModel', {
              cost: formatMoney(cost, language),
              model: model.label,
            }),
      )
    }
  }
  return parts.join(' · ')
}

function costText(
  t: Translate,
  language: Language,
  tokens: number,
  capabilities: ModelCapabilitiesView,
  answers: number,
): string {
  const cost = estimateCostUsd(tokens, capabilities)
  if (cost === null) return t('models.estimate.priceUnknown')
  if (answers <= 1) return t('models.estimate.cost', { cost: formatMoney(cost, language) })
  return t('models.estimate.costAnswers', {
    cost: formatMoney(cost * answers, language),
    count: String(answers),
  })
}
