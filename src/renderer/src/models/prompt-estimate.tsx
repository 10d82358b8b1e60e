import type { EstimateInput, TargetEstimate } from '../../../shared/estimate-schemas'
import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { useI18n, type Language, type Translate } from '../i18n/i18n'
import { formatCount, formatMoney } from '../i18n/format-numbers'
import { estimateCostUsd, estimateTokens } from './estimate-tokens'
import { choiceKey, type ModelChoice } from './model-choice'
import { imageHead, useHostEstimate } from './use-host-estimate'
import { useCapabilitiesOf } from './use-model-lists'
import './models.css'

export interface PromptEstimateProps {
  text: string
  choices: ModelChoice[]
  /** Counted as one more message when given. */
  systemPrompt?: string
  /** Chat n: each answer is its own request, so the prompt is billed this many times. */
  answers?: number
  /** Images attached to the prompt (only their size counts). */
  images?: readonly {
    mediaType: NonNullable<EstimateInput['images']>[number]['mediaType']
    data: string
  }[]
  /**
   * What the send will carry besides the text (conversation, parent, system prompt, targets): the
   * host then counts the whole request each target sends. Without it, only the text is counted.
   */
  context?: Omit<EstimateInput, 'text' | 'images'> | null
}

/**
 * "≈ 880 tokens · ≈ $0.0004" under the prompt box, counted by the host over everything the
 * request sends (history, system prompt, images); one figure per model when comparing, and one
 * count per model when their counts differ. Until the host answers, the text alone is counted here.
 */
export function PromptEstimate(props: PromptEstimateProps) {
  const { text, choices, systemPrompt, answers = 1, images = [], context = null } = props
  const { t, language } = useI18n()
  const capabilities = useCapabilitiesOf(choices)
  const host = useHostEstimate(
    context
      ? { ...context, text, ...(images.length ? { images: images.map(imageHead) } : {}) }
      : null,
  )
  const local = estimateTokens(text) + estimateTokens(systemPrompt ?? '')
  const counted = host.targets
  const shown =
    counted === null || counted.length === 0
      ? formatPromptEstimate(t, language, local, capabilities, answers)
      : new Set(counted.map((c) => c.tokens)).size === 1
        ? formatPromptEstimate(t, language, counted[0]?.tokens ?? 0, capabilities, answers)
        : formatPerTarget(t, language, counted, choices, capabilities)
  return (
    <p
      className="prompt-estimate"
      data-testid="prompt-estimate"
      data-source={counted?.length ? 'host' : 'local'}
      data-pending={String(host.pending)}
      data-tokens={counted?.length ? counted.map((c) => c.tokens).join(' ') : String(local)}
    >
      {shown}
    </p>
  )
}

/** One count and cost per target, when the targets count the same prompt differently. */
export function formatPerTarget(
  t: Translate,
  language: Language,
  counted: readonly TargetEstimate[],
  choices: readonly ModelChoice[],
  capabilities: readonly (ModelCapabilitiesView | null)[],
): string {
  const labels = new Map(choices.map((choice, i) => [choiceKey(choice), capabilities[i]?.label]))
  return counted
    .map((target) => {
      const model = labels.get(choiceKey(target)) ?? target.model
      const count = formatCount(target.tokens, language)
      return target.costUsd === null
        ? t('models.estimate.perTargetUnknown', { model, count })
        : t('models.estimate.perTarget', {
            model,
            count,
            cost: formatMoney(target.costUsd, language),
          })
    })
    .join(' · ')
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
