import { Fragment, useId, useRef, useState, type FormEvent } from 'react'
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
import type { RpcError } from '../../../shared/rpc-result'
import { addressFieldOf } from '../../../shared/trust-domain'
import { BedrockPolicyPanel } from './bedrock-policy-panel'
import {
  addressLeavesDomain,
  createInput,
  defaultLabel,
  draftTestInput,
  errorTarget,
  initialValues,
  updateInput,
  type FieldValues,
} from './connection-form-values'
import { ConnectionTestStatus } from './connection-test-status'
import { CredentialFieldInput } from './credential-field-input'
import { DestinationNotice, metadataAcknowledged } from './destination-notice'
import { ProviderLinks } from './provider-links'
import { ProviderPicker } from './provider-picker'
import { SaveAnywayDialog } from './save-anyway-dialog'
import { testFailureReason } from './test-result-text'
import type { TestResult } from './use-connection-tests'
import { useDraftTest, type DraftOutcome } from './use-draft-test'
import { VaultConsentPrompt } from './vault-consent-prompt'

interface ConnectionFormProps {
  /** Absent: a new connection. */
  editing?: ConnectionView | undefined
  /** `tested`: the result of testing exactly the saved values, when the form tested them. */
  onSaved(saved: ConnectionView, tested?: TestResult): void
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

/** Why Save asks before saving: the test of these values failed. */
interface SaveQuestion {
  reason: string
  original?: string | undefined
}

/**
 * Adds or edits a connection. What the person typed is kept per provider and survives both a
 * refused save and switching providers back and forth. Test checks the values as typed, saving
 * nothing; Save tests them first (unless they were just tested) and asks before saving values
 * whose test failed.
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
  const [busy, setBusy] = useState<'testing' | 'saving' | null>(null)
  const [question, setQuestion] = useState<SaveQuestion | null>(null)
  // The values the person chose to save although their test failed (asked once per values).
  const confirmedKey = useRef<string | null>(null)
  const draft = useDraftTest(client)
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

  const acknowledge = metadataAcknowledged(address, acknowledged)
  const testInput = provider
    ? draftTestInput(editing, provider, current, removed, acknowledge)
    : undefined
  const tested = draft.of(testInput)
  const testing = tested?.state.status === 'busy'

  const test = async () => {
    if (!provider || testInput === undefined) return
    const outcome = await draft.run(testInput)
    // The status says why the test did not run; a refused field is marked too (as Save would).
    if (outcome.kind === 'refused' && errorTarget(outcome.error.field, provider).kind === 'field') {
      setErrors(errorsFrom(outcome.error, provider, t))
    }
  }

  /** The host call this save needs, or null when an edit changed nothing. */
  const saveCall = (chosen: ProviderView, limit: number) => {
    const limitChange = limit === savedLimit ? {} : { maxInFlight: limit }
    if (!editing) {
      const input = { ...createInput(chosen, label, current, acknowledge), ...limitChange }
      return { fieldsChange: true, invoke: () => client.invoke('connections.create', input) }
    }
    const changes = updateInput(editing, chosen, label, current, removed, acknowledge)
    if (changes === null && limit === savedLimit) return null
    const input = { id: editing.id, ...changes, ...limitChange }
    return {
      // A new label or limit alone needs no test: the connection calls the same as before.
      fieldsChange: changes?.fields !== undefined,
      invoke: () => client.invoke('connections.update', input),
    }
  }

  const save = async () => {
    if (!provider) return
    const limit = parseMaxInFlight(limitText)
    if (limit === null) {
      setErrors({ fields: {}, maxInFlight: t('connections.form.maxInFlightInvalid') })
      return
    }
    const call = saveCall(provider, limit)
    if (call === null) {
      onCancel()
      return
    }
    setErrors(NO_ERRORS)
    setConsentNeeded(false)
    let outcome: DraftOutcome | undefined
    if (call.fieldsChange && testInput !== undefined) {
      // A fresh result for exactly these values is used as it is; else Save tests them first.
      outcome = tested?.outcome
      if (outcome === undefined) {
        setBusy('testing')
        outcome = await draft.run(testInput)
      }
      const passed = outcome.kind === 'result' && outcome.result.ok
      if (!passed && confirmedKey.current !== JSON.stringify(testInput)) {
        setBusy(null)
        if (outcome.kind === 'refused' && outcome.error.kind !== 'internal') {
          // The host refused the values themselves (a missing key, a changed address …): a
          // save would be refused the same way, so the form says why instead of asking.
          setErrors(errorsFrom(outcome.error, provider, t))
        } else {
          setQuestion(questionOf(outcome, t))
        }
        return
      }
    }
    setBusy('saving')
    const answer = await call.invoke()
    setBusy(null)
    if (answer.ok) onSaved(answer.value, outcome?.kind === 'result' ? outcome.result : undefined)
    else if (answer.error.kind === 'consent_required') setConsentNeeded(true)
    else setErrors(errorsFrom(answer.error, provider, t))
  }

  const saveAnyway = () => {
    setQuestion(null)
    if (testInput !== undefined) confirmedKey.current = JSON.stringify(testInput)
    void save()
  }

  const allowAndSave = async () => {
    const problem = await allowInsecure()
    if (problem === null) await save()
    return problem
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (busy === null) void save()
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
      {provider && <ConnectionTestStatus state={tested?.state} inForm />}
      {errors.form && (
        <p className="cx-error cx-form-error" role="alert">
          {errors.form}
        </p>
      )}
      {consentNeeded && <VaultConsentPrompt announce note={vaultNote} onAllow={allowAndSave} />}
      <div className="cx-form-actions">
        <button
          type="button"
          className="cx-form-test"
          disabled={!provider || testing || busy !== null}
          aria-busy={testing}
          onClick={() => void test()}
        >
          {t('connections.form.test')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('connections.form.cancel')}
        </button>
        <button
          type="submit"
          className="primary"
          disabled={!provider || busy !== null}
          aria-busy={busy !== null}
        >
          {busy === 'testing'
            ? t('connections.form.testing')
            : busy === 'saving'
              ? t('connections.form.saving')
              : t('connections.form.save')}
        </button>
      </div>
      {question && (
        <SaveAnywayDialog
          reason={question.reason}
          original={question.original}
          onSave={saveAnyway}
          onCancel={() => setQuestion(null)}
        />
      )}
    </form>
  )
}

/** What Save asks about: why the test failed, and the provider's own words. */
function questionOf(outcome: DraftOutcome, t: ReturnType<typeof useI18n>['t']): SaveQuestion {
  if (outcome.kind === 'refused') {
    return { reason: t('connections.test.couldNotRun', { message: outcome.error.message }) }
  }
  return { reason: testFailureReason(outcome.result, t), original: outcome.result.message }
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
