import { useId, useState } from 'react'
import { useLocalizedProviders } from './localized-providers'
import { type ConnectionView, useAppState, useAppStore } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { wordVaultNote } from '../settings/vault-status-text'
import { ConfirmDeleteDialog } from './confirm-delete-dialog'
import { ConnectionForm } from './connection-form'
import { ConnectionRow } from './connection-row'
import { useConnectionTests, type TestResult } from './use-connection-tests'
import { useVaultStatus } from './use-vault-status'
import { VaultStatusBanner } from './vault-status-banner'
import './connections.css'

/** `auto` opens the add form by itself while there is no connection yet (the way in from Welcome). */
type FormMode =
  { kind: 'auto' } | { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; id: string }

/** Saved connections: add, edit, test and delete them, and see how their keys are kept. */
export function ConnectionsView() {
  const { t, language } = useI18n()
  const { client, reloadConnections } = useAppStore()
  const connections = useAppState((app) => app.connections)
  const connectionsLoaded = useAppState((app) => app.connectionsLoaded)
  const providers = useLocalizedProviders()
  // Read again when connections change: entering a key again ends the re-entry note.
  const vault = useVaultStatus(client, { refreshKey: connections, onChange: reloadConnections })
  const tests = useConnectionTests(client)
  const [mode, setMode] = useState<FormMode>({ kind: 'auto' })
  const [deleting, setDeleting] = useState<ConnectionView | null>(null)
  const listHeadingId = useId()

  const adding =
    mode.kind === 'add' || (mode.kind === 'auto' && connectionsLoaded && connections.length === 0)
  const editingId = mode.kind === 'edit' ? mode.id : null

  // The form tested what it saved: its result is the row's, with no second call to the provider.
  const onSaved = (saved: ConnectionView, tested?: TestResult) => {
    setMode({ kind: 'closed' })
    void reloadConnections()
    if (tested) tests.record(saved.id, tested)
    else void tests.run(saved.id)
  }

  const deleteConnection = async (connection: ConnectionView): Promise<string | null> => {
    const answer = await client.invoke('connections.delete', { id: connection.id })
    if (!answer.ok) return answer.error.message
    setDeleting(null)
    if (editingId === connection.id) setMode({ kind: 'closed' })
    await reloadConnections()
    return null
  }

  const formProps = {
    onSaved,
    onCancel: () => setMode({ kind: 'closed' }),
    allowInsecure: vault.allowInsecure,
    vaultNote: vault.status ? wordVaultNote(vault.status, t, language) : undefined,
  }

  return (
    <div className="main-scroll" data-testid="connections-screen">
      <div className="screen cx-screen">
        <header className="cx-header">
          <div>
            <h1>{t('connections.title')}</h1>
            <p className="cx-intro">{t('connections.intro')}</p>
          </div>
          <button
            type="button"
            className="primary"
            data-testid="add-connection"
            onClick={() => setMode({ kind: 'add' })}
          >
            {t('connections.add')}
          </button>
        </header>

        <VaultStatusBanner
          status={vault.status}
          onAllowInsecure={vault.allowInsecure}
          onUnlock={vault.unlock}
          onLock={vault.lock}
        />

        {adding && <ConnectionForm key="add" {...formProps} />}

        {connections.length > 0 ? (
          <>
            {/* The rows' labels are h3: an h2 above them keeps the outline whole. */}
            <h2 id={listHeadingId} className="visually-hidden">
              {t('connections.list')}
            </h2>
            <ul className="cx-list" aria-labelledby={listHeadingId}>
              {connections.map((connection) => (
                <li key={connection.id} className="cx-row" data-testid="connection-row">
                  {connection.id === editingId ? (
                    <ConnectionForm
                      key={`edit-${connection.id}`}
                      editing={connection}
                      {...formProps}
                    />
                  ) : (
                    <ConnectionRow
                      connection={connection}
                      provider={providers.find((provider) => provider.id === connection.provider)}
                      test={tests.states[connection.id]}
                      onEdit={() => setMode({ kind: 'edit', id: connection.id })}
                      onTest={() => void tests.run(connection.id)}
                      onDelete={() => setDeleting(connection)}
                    />
                  )}
                </li>
              ))}
            </ul>
          </>
        ) : (
          connectionsLoaded && !adding && <p className="cx-empty">{t('connections.empty')}</p>
        )}
      </div>

      {deleting && (
        <ConfirmDeleteDialog
          label={deleting.label}
          onConfirm={() => deleteConnection(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  )
}
