import { Fragment, useId, useState, type FormEvent } from 'react'
import { DEFAULT_MAX_IN_FLIGHT } from '../../../shared/connection-schemas'
import { MaxInFlightInput, parseMaxInFlight } from './max-in-flight-input'
import { useLocalizedProviders } from './localized-providers'
import {
  type ConnectionView,
  type ProviderView,
  useAppState,
  useAppStore,
} from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import type { RpcError, RpcResult } from '../../../shared/rpc-result'
import { addressFieldOf } from '../../../shared/trust-domain'
import { BedrockPolicyPanel } from './bedrock-policy-panel'
import {
  addressLeavesDomain,
  createInput,
  defaultLabel,
  errorTarget,
  initialValues,
  updateInput,
  type FieldValues,
} from './connection-form-values'
import { CredentialFieldInput } from './credential-field-input'
import { DestinationNotice, metadataAcknowledged } from './destination-notice'
import { ProviderLinks } from './provider-links'
import { ProviderPicker } from './provider-picker'
import { VaultConsentPrompt } from './vault-consent-prompt'

interface ConnectionFormProps {
  /** Absent: a new connection. */
  editing?: ConnectionView | undefined
  onSaved(saved: ConnectionView): void
  onCancel(): void
  allowInsecure(): Promise<string | null>
  vaultNote?: string | undefined
}

interface FormErrors {
  fields: Record<string, string>
  label?: string
  maxInFlight?: string
  provider?: string
  form?: string
}

const NO_ERRORS: FormErrors = { fields: {} }

/**
 * Adds or edits a connection. What the person typed is kept per provider and survives both a
 * refused save and switching providers back and forth.
 */
export function ConnectionForm({
  editing,
  onSaved,
  onCancel,
  allowInsecure,
  vaultNote,
}: ConnectionFormProps) {
  const { t } = useI18n()
  const { client } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const providers = useLocalizedProviders()
  const formId = useId()
  const [providerId, setProviderId] = useState<string | null>(editing?.provider ?? null)
  const [labels, setLabels] = useState<Record<string, string>>({})
  const [values, setValues] = useState<Record<string, FieldValues>>({})
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set())
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [saving, setSaving] = useState(false)
  const [consentNeeded, setConsentNeeded] = useState(false)
  const [acknowledged, setAcknowledged] = useState(false)
  const savedLimit = editing?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT
  const [limitText, setLimitText] = useState(String(savedLimit))

  const provider = providers.find((candidate) => candidate.id === providerId)
  const current: FieldValues = provider
    ? (values[provider.id] ?? (editing ? initialValues(provider, editing) : {}))
    : {}
  const label = provider
    ? (labels[provider.id] ?? editing?.label ?? defaultLabel(provider, connections))
    : ''
  const addressField = provider ? addressFieldOf(provider.id) : undefined
  const address = addressField === undefined ? '' : (current[addressField] ?? '')
  // Saved secrets are not sent to another server: they must be entered again (or removed).
  const addressMoved =
    editing !== undefined && provider !== undefined
      ? addressLeavesDomain(provider, editing, current)
      : false

  const setField = (name: string, value: string) => {
    if (!provider) return
    setValues((all) => ({
      ...all,
      [provider.id]: { ...(all[provider.id] ?? current), [name]: value },
    }))
    if (errors.fields[name] !== undefined) {
      const { [name]: _cleared, ...rest } = errors.fields
      setErrors({ ...errors, fields: rest })
    }
  }

  const setLabel = (value: string) => {
    if (!provider) return
    setLabels((all) => ({ ...all, [provider.id]: value }))
    if (errors.label !== undefined) setErrors({ fields: errors.fields })
  }

  const setSecretRemoved = (name: string, remove: boolean) => {
    setRemoved((all) => {
      const next = new Set(all)
      if (remove) next.add(name)
      else next.delete(name)
      return next
    })
  }

  /** The host call this save needs, or null when an edit changed nothing. */
  const send = (chosen: ProviderView, limit: number): Promise<RpcResult<ConnectionView>> | null => {
    const acknowledge = metadataAcknowledged(address, acknowledged)
    const limitChange = limit === savedLimit ? {} : { maxInFlight: limit }
    if (!editing) {
      const input = createInput(chosen, label, current, acknowledge)
      return client.invoke('connections.create', { ...input, ...limitChange })
    }
    const input = updateInput(editing, chosen, label, current, removed, acknowledge)
    if (input === null && limit === savedLimit) return null
    return client.invoke('connections.update', { id: editing.id, ...input, ...limitChange })
  }

  const save = async () => {
    if (!provider) return
    const limit = parseMaxInFlight(limitText)
    if (limit === null) {
      setErrors({ fields: {}, maxInFlight: t('connections.form.maxInFlightInvalid') })
      return
    }
    const pending = send(provider, limit)
    if (pending === null) {
      onCancel()
      return
    }
    setErrors(NO_ERRORS)
    setConsentNeeded(false)
    setSaving(true)
    const answer = await pending
    setSaving(false)
    if (answer.ok) onSaved(answer.value)
    else if (answer.error.kind === 'consent_required') setConsentNeeded(true)
    else setErrors(errorsFrom(answer.error, provider, t))
  }

  const allowAndSave = async () => {
    const problem = await allowInsecure()
    if (problem === null) await save()
    return problem
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!saving) void save()
  }

  const titleId = `${formId}-title`
  return (
    <form
      className="panel cx-form"
      data-testid="connection-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={submit}
    >
      <h2 id={titleId} className="cx-form-title">
        {editing
          ? t('connections.form.editTitle', { label: editing.label })
          : t('connections.form.addTitle')}
      </h2>
      {editing ? (
        <p className="cx-form-provider">{provider?.label ?? editing.provider}</p>
      ) : (
        <ProviderPicker
          providers={providers}
          value={providerId}
          onChange={(id) => {
            setProviderId(id)
            setErrors(NO_ERRORS)
          }}
          error={errors.provider}
        />
      )}
      {provider && (
        <div className="cx-form-grid">
          <div className="cx-form-fields">
            <CredentialFieldInput
              id={`${formId}-label`}
              field={{
                name: 'label',
                label: t('connections.form.label'),
                required: true,
                help: t('connections.form.labelHelp', { provider: provider.label }),
              }}
              value={label}
              onChange={setLabel}
              error={errors.label}
            />
            {provider.fields.map((field) => (
              <Fragment key={`${provider.id}-${field.name}`}>
                <CredentialFieldInput
                  id={`${formId}-field-${field.name}`}
                  field={field}
                  value={current[field.name] ?? ''}
                  onChange={(value) => setField(field.name, value)}
                  error={errors.fields[field.name]}
                  saved={editing?.secrets[field.name]}
                  removed={removed.has(field.name)}
                  onRemovedChange={
                    editing ? (remove) => setSecretRemoved(field.name, remove) : undefined
                  }
                  rebound={addressMoved}
                />
                {field.name === addressField && (
                  <DestinationNotice
                    address={address}
                    acknowledged={acknowledged}
                    onAcknowledgedChange={setAcknowledged}
                  />
                )}
              </Fragment>
            ))}
            <MaxInFlightInput
              id={`${formId}-max-in-flight`}
              value={limitText}
              onChange={(value) => {
                setLimitText(value)
                if (errors.maxInFlight !== undefined) setErrors({ fields: errors.fields })
              }}
              error={errors.maxInFlight}
            />
          </div>
          <div className="cx-form-side">
            <ProviderLinks provider={provider} />
            {provider.id === 'bedrock' && <BedrockPolicyPanel />}
          </div>
        </div>
      )}
      {errors.form && (
        <p className="cx-error cx-form-error" role="alert">
          {errors.form}
        </p>
      )}
      {consentNeeded && <VaultConsentPrompt announce note={vaultNote} onAllow={allowAndSave} />}
      <div className="cx-form-actions">
        <button type="button" onClick={onCancel}>
          {t('connections.form.cancel')}
        </button>
        <button type="submit" className="primary" disabled={!provider || saving} aria-busy={saving}>
          {saving ? t('connections.form.saving') : t('connections.form.save')}
        </button>
      </div>
    </form>
  )
}

function errorsFrom(
  error: RpcError,
  provider: ProviderView,
  t: ReturnType<typeof useI18n>['t'],
): FormErrors {
  if (error.kind === 'vault_locked') return { fields: {}, form: t('connections.form.vaultLocked') }
  const target = errorTarget(error.field, provider)
  switch (target.kind) {
    case 'field':
      return { fields: { [target.name]: fieldMessage(error, t) } }
    case 'label':
      return { fields: {}, label: error.message }
    case 'provider':
      return { fields: {}, provider: error.message }
    case 'form':
      return { fields: {}, form: t('connections.form.failed', { message: error.message }) }
  }
}

/** Refusals with a stable code are worded here; others keep the host's own message. */
function fieldMessage(error: RpcError, t: ReturnType<typeof useI18n>['t']): string {
  if (error.code === 'secret_required') return t('connections.bind.secretRequired')
  if (error.code === 'metadata_address') return t('connections.dest.metadataRefused')
  return error.message
}
