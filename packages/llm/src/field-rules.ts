import { entryOf } from './registry'
import { EXTRA_FIELDS, type ExtraField } from './request-fields'
import type { ParameterName, ParameterSupport, ProviderId } from './types'
import { unsupported } from './unsupported-codes'

export type FieldRules = Record<ExtraField, ParameterSupport>

/**
 * What a provider does with each field beyond the form parameters, for one model: its
 * descriptor's `fieldRules`, and every field it leaves out refused as absent from its API.
 */
export function extraFieldRules(
  provider: ProviderId,
  model: string,
  parameters: Readonly<Record<ParameterName, ParameterSupport>>,
): FieldRules {
  const { descriptor } = entryOf(provider)
  const listed = descriptor.fieldRules?.(model, parameters) ?? {}
  const api = descriptor.info.label
  const all = {} as FieldRules
  for (const field of EXTRA_FIELDS) {
    all[field] =
      listed[field] ??
      unsupported('api_has_no_parameter', `The ${api} API has no ${field} parameter.`, {
        api,
        parameter: field,
      })
  }
  return all
}
