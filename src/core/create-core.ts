import type { DatabaseSync } from 'node:sqlite'
import type { HostKind } from '../shared/contract'
import type { Handlers } from '../shared/dispatch'
import { createAppHandlers } from './app/app-handlers'
import { startupNotices } from './app/startup-notices'
import { openAppDatabaseWithBackups } from './backups/index'
import { createConnectionHandlers } from './connections/connection-handlers'
import { createConnectionRepository } from './connections/connection-repository'
import { createConnectionService } from './connections/connection-service'
import { APP_DATABASE_FILE, type AppDatabase } from './database/index'
import { ensureDataDir, type PreparedDataDir } from './data-dir'
import type { EventSink } from './event-sink'
import { withErrorBoundary } from './handler-boundary'
import { createHistoryHandlers } from './history/history-handlers'
import { createHistoryStore, type HistoryStore } from './history/index'
import { createModelHandlers } from './models/model-handlers'
import { createModelService } from './models/model-service'
import { createPrefsHandlers, openPrefsStore } from './prefs/index'
import { createRunner, type Runner } from './runs/index'
import { createRunHandlers } from './runs/run-handlers'
import { createEstimateService } from './estimate/estimate-service'
import { createDataDirSettings } from './settings/data-dir-settings'
import { runCallOptions } from './settings/run-call-options'
import { createSettingsHandlers } from './settings/settings-handlers'
import { openSettingsStore } from './settings/settings-store'
import { createUsageHandlers } from './usage/usage-handlers'
import { createSpendMonitor, createUsageRepository } from './usage/index'
import { openAppVault, type Vault, type VaultKeyOptions } from './vault/index'
import { createVaultHandlers } from './vault/vault-handlers'

export type { EventSink } from './event-sink'

export interface CoreOptions {
  version: string
  host: HostKind
  dataDir: string
  emit: EventSink
  /**
   * How the vault's key is obtained: safeStorage in Electron; a 0600 key file, or a passphrase
   * (`null` opens the vault locked until `vault.unlock`), in the web host.
   */
  vaultKey: VaultKeyOptions
  /** The two hosts protect keys differently, so each keeps its own vault file. */
  vaultFileName?: string
  /**
   * Where `dataDir` came from, and what start-up did to it (see `openDataDir`). Without it
   * the folder counts as given by a flag, and Settings cannot choose another.
   */
  dataLocation?: PreparedDataDir
  /** Opens a conversation in a window of its own; hosts without windows leave it out. */
  openWindow?: (conversationId: string) => boolean
  /** The desktop app's native folder dialog for `settings.pickDataDir` (null: cancelled). */
  pickFolder?: () => Promise<string | null>
  /** For tests: called once with the app database's connection when it opens (a pragma, a look). */
  configureDatabase?: (db: DatabaseSync) => void
}

export interface Core {
  handlers: Handlers
  emit: EventSink
  database: AppDatabase
  history: HistoryStore
  vault: Vault
  runner: Runner
  close(): Promise<void>
}

/**
 * Opens the app services behind the contract — the app database (history, saved connections,
 * usage), the key vault, settings — and returns the handler map both hosts bind. Only wiring:
 * each domain's methods are in its `<domain>-handlers.ts`, and `withErrorBoundary` turns their
 * refusals into contract errors.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  ensureDataDir(options.dataDir)
  const opened = openAppDatabaseWithBackups(options.dataDir, APP_DATABASE_FILE, {
    configureConnection: options.configureDatabase,
  })
  const { database, backups } = opened
  const history = createHistoryStore(database)
  // The start-up backup copies the file in steps: the store's writes at open must come first.
  void backups.backupIfDue()
  const { vault, unavailable } = await openAppVault(
    options.dataDir,
    options.vaultKey,
    options.vaultFileName,
  ).catch(async (error: unknown) => {
    await backups.close()
    database.close()
    throw error
  })
  const connections = createConnectionService({
    repository: createConnectionRepository(database),
    vault,
  })
  // Keys saved before they were bound to an address are bound to their connection's current one;
  // a vault that cannot do it now (locked, not writable) is asked again before each use of a key.
  await connections.bindExisting().catch(() => 0)
  const models = createModelService({
    resolveConnection: (id) => connections.resolve(id),
    providerOf: (id) => connections.providerOf(id),
    baseModelOf: (id, model) => connections.baseModelOf(id, model),
  })
  const settings = openSettingsStore(options.dataDir)
  const calls = runCallOptions(settings)
  const usage = createUsageRepository(database)
  const spend = createSpendMonitor({ usage, emit: options.emit })
  const runner = createRunner({
    history,
    resolveConnection: (id) => connections.resolve(id),
    emit: options.emit,
    callOptions: calls.callOptions,
    maxInFlightOf: (id) => connections.maxInFlightOf(id),
    onRunStart: (run) => spend.runStarted(run),
    onRunEnd: (done) => spend.afterRun(done),
    enterUsage: (entry) => usage.enter(entry),
    onServedModel: (id, deployment, model) => {
      if (connections.rememberDeploymentModel(id, deployment, model)) models.forget(id)
    },
  })
  const notices = startupNotices({
    opened,
    vaultNotices: vault.notices,
    vaultUnavailable: unavailable,
    dataLocation: options.dataLocation,
  })
  const dataDir = createDataDirSettings({
    dataDir: options.dataDir,
    source: options.dataLocation?.source ?? 'flag',
    defaultDir: options.dataLocation?.defaultDir ?? options.dataDir,
    desktop: options.host === 'electron',
    pickFolder: options.pickFolder,
  })

  const handlers = withErrorBoundary({
    ...createAppHandlers({ info: options, notices, history, openWindow: options.openWindow }),
    ...createConnectionHandlers({ connections, models }),
    ...createModelHandlers(models),
    ...createRunHandlers({
      runner,
      providerOf: (id) => connections.providerOf(id),
      estimates: createEstimateService({ history, providerOf: (id) => connections.providerOf(id) }),
    }),
    ...createHistoryHandlers({ history, backups }),
    ...createSettingsHandlers({
      settings,
      dataDir,
      dataDirChoosable: options.dataLocation !== undefined,
      onChange: calls.apply,
    }),
    ...createUsageHandlers(usage),
    ...createPrefsHandlers(openPrefsStore(options.dataDir)),
    ...createVaultHandlers(vault),
  })
  return {
    handlers,
    emit: options.emit,
    database,
    history,
    vault,
    runner,
    async close() {
      // Live runs end as `interrupted` (not `stopped`: no person stopped them), their text and
      // metrics saved, before the stores close.
      await runner.interruptAll()
      await vault.close()
      await backups.close()
      database.close()
    },
  }
}
