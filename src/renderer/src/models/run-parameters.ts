import type { z } from 'zod'
import type { ModelCapabilitiesView, ParameterSupportView } from '../../../shared/model-schemas'
import type { RunParametersSchema } from '../../../shared/run-input-schemas'

/** Request parameters as a form holds them; an absent key means "the model's default". */
export type RunParameters = z.input<typeof RunParametersSchema>
export type RunParameterName = keyof RunParameters

export type ReasoningEffort = NonNullable<RunParameters['reasoning_effort']>
export const REASONING_EFFORTS: readonly ReasoningEffort[] = ['minimal', 'low', 'medium', 'high']

/** How the model takes a parameter; null when no model is chosen (then everything is allowed). */
export function supportOf(
  capabilities: ModelCapabilitiesView | null,
  name: string,
): ParameterSupportView | null {
  return capabilities?.parameters[name] ?? null
}

/**
 * Parameters Parallax handles itself, whatever the model's capabilities say: `n` becomes n
 * separate runs, each sent without it.
 */
export const HANDLED_BY_PARALLAX: readonly RunParameterName[] = ['n']

/**
 * The parameters without those the model rejects, so that a run never sends them. Returns the same
 * object when nothing had to go (callers can compare by identity).
 */
export function dropUnsupported(
  value: RunParameters,
  capabilities: ModelCapabilitiesView | null,
): RunParameters {
  if (!capabilities) return value
  const rejected = (Object.keys(value) as RunParameterName[]).filter(
    (name) =>
      !HANDLED_BY_PARALLAX.includes(name) &&
      supportOf(capabilities, name)?.support === 'unsupported',
  )
  return rejected.length === 0 ? value : withoutKeys(value, rejected)
}

/** A comparison shows one answer per column: the value without `n` (the same object if absent). */
export function withoutAnswers(value: RunParameters): RunParameters {
  return value.n === undefined ? value : withoutKeys(value, ['n'])
}

/** A copy without the named parameters. */
export function withoutKeys(value: RunParameters, names: readonly string[]): RunParameters {
  return Object.fromEntries(
    Object.entries(value).filter(([name]) => !names.includes(name)),
  ) as RunParameters
}

/** A copy with one parameter set, or removed when `next` is undefined (back to the default). */
export function withParameter<K extends RunParameterName>(
  value: RunParameters,
  name: K,
  next: RunParameters[K] | undefined,
): RunParameters {
  return next === undefined ? withoutKeys(value, [name]) : { ...value, [name]: next }
}

/** Stop sequences as a list, whichever form (one string or several) the value holds. */
export function stopSequencesOf(value: RunParameters): string[] {
  const { stop } = value
  if (stop === undefined || stop === null) return []
  return typeof stop === 'string' ? [stop] : stop
}
