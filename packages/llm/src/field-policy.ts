import { LlmError } from './errors/llm-error'
import type { FieldRules } from './field-rules'
import { nearestName } from './nearest-name'
import { PARAMETER_NAMES } from './parameter-names'
import { CALL_OWN_FIELDS, REQUEST_FIELDS, isRequestField, type ExtraField } from './request-fields'
import type {
  CallWarning,
  ChatRequest,
  FieldTrace,
  ModelCapabilities,
  ParameterName,
  ParameterSupport,
  ProviderId,
  UnsupportedPolicy,
} from './types'
import { unsupported } from './unsupported-codes'

type Unsupported = Extract<ParameterSupport, { support: 'unsupported' }>

const PARAMETERS = new Set<string>(PARAMETER_NAMES)
const CALL_OWN = new Set<string>(CALL_OWN_FIELDS)

export interface FieldCheck {
  provider: ProviderId
  caps: ModelCapabilities
  fields: FieldRules
  policy: UnsupportedPolicy
  /** Which call is made: `stream` and `stream_options` must agree with it. */
  call: 'complete' | 'stream'
}

/**
 * Every field of the request is sent as asked (mapped or emulated as the rules say) or refused
 * before any network call: with policy 'error' (the default) the first refused field throws an
 * LlmError of kind `unsupported_parameter`; with 'drop' it is left out and named in a warning.
 * Unknown names are refused too, with the nearest valid name.
 */
export function applyFieldPolicy(
  request: ChatRequest,
  check: FieldCheck,
): { request: ChatRequest; warnings: CallWarning[]; trace: FieldTrace[] } {
  const kept: Record<string, unknown> = {}
  const warnings: CallWarning[] = []
  const trace: FieldTrace[] = []
  for (const [name, value] of Object.entries(request)) {
    if (value === undefined) continue
    const refusal = refusalOf(name, value, check)
    if (refusal === undefined) {
      kept[name] = value
      const step = traceOf(name, value, check)
      if (step) trace.push(step)
      continue
    }
    if (check.policy !== 'drop') throw unsupportedError(name, refusal, check)
    warnings.push({ code: refusal.code, parameter: name, reason: refusal.reason })
    trace.push({ field: name, action: 'dropped', code: refusal.code, note: refusal.reason })
  }
  return { request: kept as unknown as ChatRequest, warnings, trace }
}

/**
 * What happens to a field that is kept: sent (under the provider's own name when the rule names
 * one) or emulated by the library. The call's own fields and unset parameters are not traced.
 */
function traceOf(name: string, value: unknown, check: FieldCheck): FieldTrace | undefined {
  if (name === 'model' || name === 'messages') return { field: name, action: 'sent' }
  if (CALL_OWN.has(name) || value === null) return undefined
  const rule: ParameterSupport | undefined = PARAMETERS.has(name)
    ? isParameterSet(name as ParameterName, value)
      ? check.caps.parameters[name as ParameterName]
      : undefined
    : check.fields[name as ExtraField]
  if (rule === undefined || rule.support === 'unsupported') return undefined
  const wireName = rule.noteDetails?.field
  return {
    field: name,
    action: rule.support === 'emulated' ? 'emulated' : 'sent',
    ...(wireName && wireName !== name ? { wireName } : {}),
    ...(rule.note ? { note: rule.note } : {}),
  }
}

function refusalOf(name: string, value: unknown, check: FieldCheck): Unsupported | undefined {
  if (!isRequestField(name)) return unknownField(name, check.provider)
  if (name === 'model' || name === 'messages') return undefined
  if (CALL_OWN.has(name)) return callOwnRefusal(name, value, check.call)
  if (PARAMETERS.has(name)) {
    const parameter = name as ParameterName
    if (!isParameterSet(parameter, value)) return undefined
    const rule = check.caps.parameters[parameter]
    return rule.support === 'unsupported' ? rule : undefined
  }
  if (value === null) return undefined
  const rule = check.fields[name as ExtraField]
  return rule.support === 'unsupported' ? rule : undefined
}

function unknownField(name: string, provider: ProviderId): Unsupported {
  const nearest = nearestName(name, REQUEST_FIELDS)
  const advice =
    nearest !== undefined
      ? `; did you mean "${nearest}"?`
      : provider === 'openai-compatible'
        ? '; put server-specific fields in extra_body.'
        : '.'
  return unsupported('unknown_parameter', `No request field is called "${name}"${advice}`, {
    parameter: name,
    ...(nearest === undefined ? {} : { alternative: nearest }),
  }) as Unsupported
}

/** `stream: true` to complete() (or false to stream()) would not be sent as asked. */
function callOwnRefusal(
  name: string,
  value: unknown,
  call: FieldCheck['call'],
): Unsupported | undefined {
  if (value === null || value === undefined) return undefined
  const streams = call === 'stream'
  const agrees = name === 'stream' ? Boolean(value) === streams : streams
  if (agrees) return undefined
  const reason =
    name === 'stream'
      ? `stream() streams and complete() does not; "stream": ${String(value)} contradicts the call.`
      : 'stream_options applies to stream() only.'
  return unsupported('set_by_call', reason, { parameter: name }) as Unsupported
}

/** Values that mean "not set" for a form parameter (the API's own defaults). */
export function isParameterSet(name: ParameterName, value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (name === 'tools') return Array.isArray(value) && value.length > 0
  if (name === 'n') return value !== 1
  if (name === 'stop') return !(Array.isArray(value) && value.length === 0)
  if (name === 'response_format') return (value as { type?: string }).type !== 'text'
  return true
}

function unsupportedError(name: string, rule: Unsupported, check: FieldCheck): LlmError {
  const model = check.caps.model
  const message =
    rule.code === 'unknown_parameter'
      ? rule.reason
      : `"${name}" is not supported by ${model} (${check.provider}): ${rule.reason}`
  return new LlmError({
    kind: 'unsupported_parameter',
    provider: check.provider,
    message,
    code: rule.code,
    parameter: name,
    model,
    details: rule.details,
  })
}
