import { useId } from 'react'
import type { ConnectionView, ProviderView } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { ConnectionTestStatus } from './connection-test-status'
import type { TestState } from './use-connection-tests'

interface ConnectionRowProps {
  connection: ConnectionView
  provider: ProviderView | undefined
  test: TestState | undefined
  onEdit(): void
  onTest(): void
  onDelete(): void
}

/** One saved connection: what it is, its non-secret fields, hints of its secrets, its actions. */
export function ConnectionRow({
  connection,
  provider,
  test,
  onEdit,
  onTest,
  onDelete,
}: ConnectionRowProps) {
  const { t } = useI18n()
  const labelId = useId()
  const testing = test?.status === 'busy'
  const reenter = Object.values(connection.secrets).some((hint) => hint.reenter === true)
  return (
    <>
      <div className="cx-row-body">
        <div className="cx-row-main">
          <div className="cx-row-title">
            <h3 id={labelId} className="cx-row-label">
              {connection.label}
            </h3>
            <span className="cx-badge">{provider?.label ?? connection.provider}</span>
            {reenter && (
              <span className="cx-badge cx-badge-reenter" data-testid="connection-reenter">
                {t('vaultReentry.row.badge')}
              </span>
            )}
          </div>
          <ConnectionDetails connection={connection} provider={provider} />
        </div>
        <div className="cx-row-actions">
          <button type="button" aria-describedby={labelId} onClick={onEdit}>
            {t('connections.row.edit')}
          </button>
          <button
            type="button"
            aria-describedby={labelId}
            onClick={onTest}
            disabled={testing}
            aria-busy={testing}
          >
            {t('connections.row.test')}
          </button>
          <button type="button" className="danger" aria-describedby={labelId} onClick={onDelete}>
            {t('connections.row.delete')}
          </button>
        </div>
      </div>
      <ConnectionTestStatus state={test} />
    </>
  )
}

/** Endpoint, region … as saved, and `•••• 1234` for each saved secret, in the provider's order. */
function ConnectionDetails({
  connection,
  provider,
}: {
  connection: ConnectionView
  provider: ProviderView | undefined
}) {
  const { t } = useI18n()
  const known = provider?.fields ?? []
  const knownNames = new Set(known.map((field) => field.name))
  const items: { name: string; label: string; value: string; damaged?: boolean }[] = []
  for (const field of known) {
    const hint = connection.secrets[field.name]
    if (field.secret && hint?.set) {
      const value = hint.damaged
        ? t('connections.row.secretDamaged')
        : hint.last4
          ? t('connections.row.secretSet', { last4: hint.last4 })
          : t('connections.row.secretSetShort')
      items.push({ name: field.name, label: field.label, value, damaged: hint.damaged === true })
    } else if (field.secret && hint?.reenter) {
      // Its vault could not be decrypted: shown like a damaged value, to be entered again.
      const value = t('vaultReentry.row.field')
      items.push({ name: field.name, label: field.label, value, damaged: true })
    } else if (!field.secret && connection.fields[field.name]) {
      items.push({
        name: field.name,
        label: field.label,
        value: connection.fields[field.name] ?? '',
      })
    }
  }
  for (const [name, value] of Object.entries(connection.fields)) {
    if (!knownNames.has(name) && value) items.push({ name, label: name, value })
  }
  if (items.length === 0) return null
  return (
    <dl className="cx-details">
      {items.map((item) => (
        <div key={item.name} className={item.damaged ? 'cx-detail cx-detail-damaged' : 'cx-detail'}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  )
}
