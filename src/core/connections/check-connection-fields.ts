import type { ProviderInfo } from '@parallax/llm'
import { InputError } from '../errors/domain-errors'

/**
 * Cleans and checks the values a connection form sent: only the provider's own fields, required
 * ones present, pasted keys without stray whitespace, a service-account key that is one.
 */
export function checkConnectionFields(
  info: ProviderInfo,
  values: Readonly<Record<string, string>>,
): Record<string, string> {
  const known = new Map(info.fields.map((field) => [field.name, field]))
  const clean: Record<string, string> = {}
  for (const [name, raw] of Object.entries(values)) {
    const field = known.get(name)
    if (!field) {
      throw new InputError(`${info.label} connections have no field "${name}".`, {
        field: `fields.${name}`,
        code: 'unknown_field',
        details: { field: name },
      })
    }
    const value = raw.trim()
    if (value !== '') clean[name] = value
  }
  for (const field of info.fields) {
    if (field.required && clean[field.name] === undefined) {
      throw new InputError(`${field.label} is required for ${info.label}.`, {
        field: `fields.${field.name}`,
        code: 'field_required',
        details: { field: field.name },
      })
    }
  }
  const account = clean.serviceAccountJson
  if (account !== undefined && !looksLikeServiceAccount(account)) {
    throw new InputError(
      'This is not a service account key: expected the JSON key file with client_email and private_key.',
      { field: 'fields.serviceAccountJson', code: 'not_service_account' },
    )
  }
  for (const name of ['baseURL', 'endpoint']) {
    const url = clean[name]
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) {
      throw new InputError(`${name} must be an http(s) address.`, {
        field: `fields.${name}`,
        code: 'not_http_address',
        details: { field: name },
      })
    }
  }
  return clean
}

function looksLikeServiceAccount(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    return typeof parsed.client_email === 'string' && typeof parsed.private_key === 'string'
  } catch {
    return false
  }
}
