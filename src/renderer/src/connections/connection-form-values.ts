import type { MethodInput } from '../../../shared/contract'
import { trustDomainOf } from '../../../shared/trust-domain'
import type { ConnectionView, ProviderView } from '../app/app-context'

export type FieldValues = Record<string, string>

/** Where a host error belongs on the form. */
export type ErrorTarget =
  { kind: 'field'; name: string } | { kind: 'label' } | { kind: 'provider' } | { kind: 'form' }

/** The host names fields as `fields.apiKey` (and sometimes just `apiKey`); both land on the input. */
export function errorTarget(
  field: string | undefined,
  provider: ProviderView | undefined,
): ErrorTarget {
  if (field === undefined || field === '') return { kind: 'form' }
  if (field === 'label') return { kind: 'label' }
  if (field === 'provider') return { kind: 'provider' }
  const name = field.startsWith('fields.') ? field.slice('fields.'.length) : field
  return provider?.fields.some((f) => f.name === name) ? { kind: 'field', name } : { kind: 'form' }
}

/** “OpenAI”, or “OpenAI 2” when a connection is already called that. */
export function defaultLabel(provider: ProviderView, existing: readonly ConnectionView[]): string {
  const taken = new Set(existing.map((connection) => connection.label.trim()))
  if (!taken.has(provider.label)) return provider.label
  let n = 2
  while (taken.has(`${provider.label} ${n}`)) n += 1
  return `${provider.label} ${n}`
}

/** Only what the person typed: empty inputs are left out so the host sees exactly the filled fields. */
export function createInput(
  provider: ProviderView,
  label: string,
  values: FieldValues,
  acknowledgeMetadata = false,
): MethodInput<'connections.create'> {
  const fields: FieldValues = {}
  for (const field of provider.fields) {
    const value = values[field.name] ?? ''
    if (value.trim() !== '') fields[field.name] = value
  }
  return { provider: provider.id, label, fields, ...acknowledgement(acknowledgeMetadata) }
}

/**
 * True when the edited address is another trust domain than the saved one (another host, port or
 * scheme; not a region): the saved secrets will not be sent there and must be entered again.
 */
export function addressLeavesDomain(
  provider: ProviderView,
  connection: ConnectionView,
  values: FieldValues,
): boolean {
  return trustDomainOf(provider.id, connection.fields) !== trustDomainOf(provider.id, values)
}

function acknowledgement(metadata: boolean): { acknowledge?: 'metadata_address'[] } {
  return metadata ? { acknowledge: ['metadata_address'] } : {}
}

/**
 * The fields an edit changes: a secret marked for removal is removed (null), a filled secret
 * replaces the saved one (empty keeps it), a cleared non-secret field is removed.
 */
export function fieldChanges(
  connection: ConnectionView,
  provider: ProviderView,
  values: FieldValues,
  removedSecrets: ReadonlySet<string>,
): Record<string, string | null> {
  const fields: Record<string, string | null> = {}
  for (const field of provider.fields) {
    const value = values[field.name] ?? ''
    if (field.secret) {
      if (removedSecrets.has(field.name)) fields[field.name] = null
      else if (value.trim() !== '') fields[field.name] = value
      continue
    }
    const saved = connection.fields[field.name] ?? ''
    if (value === saved) continue
    fields[field.name] = value.trim() === '' ? null : value
  }
  return fields
}

/** Only what changed (see fieldChanges), or null when nothing changed at all. */
export function updateInput(
  connection: ConnectionView,
  provider: ProviderView,
  label: string,
  values: FieldValues,
  removedSecrets: ReadonlySet<string>,
  acknowledgeMetadata = false,
): MethodInput<'connections.update'> | null {
  const fields = fieldChanges(connection, provider, values, removedSecrets)
  const input: MethodInput<'connections.update'> = { id: connection.id }
  if (label.trim() !== connection.label) input.label = label
  if (Object.keys(fields).length > 0) input.fields = fields
  if (input.label === undefined && input.fields === undefined) return null
  return { ...input, ...acknowledgement(acknowledgeMetadata) }
}

/**
 * What the form's Test sends: a new connection's typed fields, or an edit's changes over the
 * saved connection (an empty secret keeps the saved one, which the host sends only to the same
 * server; `{ id }` alone when no field changed). Label and limit play no part in a test.
 */
export function draftTestInput(
  connection: ConnectionView | undefined,
  provider: ProviderView,
  values: FieldValues,
  removedSecrets: ReadonlySet<string>,
  acknowledgeMetadata = false,
): MethodInput<'connections.test'> {
  if (connection === undefined) {
    const { fields, acknowledge } = createInput(provider, '', values, acknowledgeMetadata)
    return { provider: provider.id, fields, ...(acknowledge ? { acknowledge } : {}) }
  }
  const fields = fieldChanges(connection, provider, values, removedSecrets)
  if (Object.keys(fields).length === 0) return { id: connection.id }
  return { id: connection.id, fields, ...acknowledgement(acknowledgeMetadata) }
}

/** The form's starting values when editing: the saved non-secret fields; secrets stay empty. */
export function initialValues(provider: ProviderView, connection: ConnectionView): FieldValues {
  const values: FieldValues = {}
  for (const field of provider.fields) {
    values[field.name] = field.secret ? '' : (connection.fields[field.name] ?? '')
  }
  return values
}
