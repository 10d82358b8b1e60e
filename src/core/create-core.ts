import { providers } from '../llm/index'
import type { EventName, EventPayload, HostKind, Notice } from '../shared/contract'
import type { Handlers } from '../shared/dispatch'
import { RpcFailure } from '../shared/rpc-result'
import { readAppInfo } from './app/app-info'
import { ConnectionBindingError } from './connections/connection-binding'
import { createConnectionService } from './connections/connection-service'
import { ensureDataDir, type PreparedDataDir } from './data-dir'
import { createDataDirSettings } from './data-dir-handlers'
import { addRestoreNotices, openHistoryWithBackups, UnknownBackupError } from './backups/index'
import { HistoryImportError, HistoryNotFoundError, type HistoryStore } from './history/index'
import { createModelService } from './models/model-service'
import { createRunner, type Runner } from './runs/index'
import { openSettingsStore } from './settings/settings-store'
import { createSpendMonitor, queryUsage } from './usage/index'
import { createVaultHandlers } from './vault-handlers'
import {
  openUnavailableVault,
  openVault,
  schemeOf,
  VaultError,
  type Vault,
  type VaultKeyOptions,
} from './vault/index'

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export const HISTORY_FILE_NAME = 'history.sqlite'

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
}

export interface Core {
  handlers: Handlers
  emit: EventSink
  history: HistoryStore
  vault: Vault
  runner: Runner
  close(): Promise<void>
}

/**
 * Opens the app services behind the contract — the history database, the key vault, saved
 * connections — and returns the handler map both hosts bind.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  ensureDataDir(options.dataDir)
  const opened = openHistoryWithBackups(options.dataDir, HISTORY_FILE_NAME)
  const { history, backups } = opened
  let vault: Vault
  // No encryption at all on this machine: the app still opens, with its history, and says why.
  let vaultUnavailable: string | undefined
  try {
    vault = await openVault({
      dir: options.dataDir,
      ...(options.vaultFileName ? { fileName: options.vaultFileName } : {}),
      ...options.vaultKey,
    } as Parameters<typeof openVault>[0])
  } catch (error) {
    if (error instanceof VaultError && error.kind === 'unavailable') {
      vaultUnavailable = error.message
      vault = await openUnavailableVault({
        dir: options.dataDir,
        ...(options.vaultFileName ? { fileName: options.vaultFileName } : {}),
        ...schemeOf(options.vaultKey),
        reason: error.message,
      })
    } else {
      await backups.close()
      history.close()
      throw error
    }
  }
  const connections = createConnectionService({ db: history.db, vault })
  // Keys saved before they were bound to an address are bound to their connection's current one;
  // a vault that cannot do it now (locked, not writable) is asked again before each use of a key.
  await connections.bindExisting().catch(() => 0)
  const models = createModelService({
    resolveConnection: (id) => connections.resolve(id),
    providerOf: (id) => connections.providerOf(id),
  })
  const settings = openSettingsStore(options.dataDir)
  // One object the runner reads at each run's start, so new settings apply to the next run.
  const callOptions: { timeoutMs?: number; idleTimeoutMs?: number; maxRetries?: number } = {}
  const applySettings = (): void => {
    const current = settings.get()
    callOptions.timeoutMs = current.requestTimeoutSeconds * 1000
    callOptions.idleTimeoutMs = current.idleTimeoutSeconds * 1000
    callOptions.maxRetries = current.maxRetries
  }
  applySettings()
  // The runner and monitor emit a subset of the contract's events, with the same payload schemas.
  const emit = (event: EventName, payload: unknown): void => options.emit(event, payload as never)
  const spend = createSpendMonitor({ db: history.db, emit })
  const runner = createRunner({
    history,
    resolveConnection: (id) => connections.resolve(id),
    emit,
    callOptions,
    maxInFlightOf: (id) => connections.maxInFlightOf(id),
    onRunEnd: (done) => spend.afterRun(done),
  })
  const target = (t: { connectionId: string; model: string; parameters?: object | undefined }) => ({
    connectionId: t.connectionId,
    provider: connections.providerOf(t.connectionId),
    model: t.model,
    ...(t.parameters ? { parameters: t.parameters } : {}),
  })
  const guard =
    <I, O>(run: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      try {
        return await run(input)
      } catch (error) {
        throw asRpcFailure(error)
      }
    }

  // Start-up events the renderer was not yet listening for; it asks for them when it loads.
  const startupNotices: Notice[] = [
    ...history.notices.map((notice) => ({
      code: 'history.moved_aside' as const,
      movedTo: notice.movedTo,
    })),
    // An undecryptable vault is kept aside and the app opens with a new one: say why, and where.
    ...vault.notices.map((notice) => ({
      code:
        notice.kind === 'vault-unreadable'
          ? (`vault.${notice.reason}` as const)
          : ('vault.moved_aside' as const),
      movedTo: notice.movedTo,
    })),
  ].map(({ code, movedTo }) => ({
    level: 'warning' as const,
    code,
    at: Date.now(),
    detail: movedTo,
  }))
  addRestoreNotices(startupNotices, opened)
  if (vaultUnavailable !== undefined) {
    startupNotices.push({
      level: 'warning',
      code: 'vault.unavailable',
      at: Date.now(),
      detail: vaultUnavailable,
    })
  }
  const { copiedFrom, copyFailed, unavailable, waiting } = options.dataLocation ?? {}
  if (waiting !== undefined) {
    startupNotices.push({
      level: 'info',
      code: 'data.pending',
      at: Date.now(),
      detail: waiting.dataDir,
    })
  }
  if (unavailable !== undefined) {
    startupNotices.push({
      level: 'warning',
      code: 'data.unavailable',
      at: Date.now(),
      detail: unavailable,
    })
  }
  if (copiedFrom !== undefined) {
    startupNotices.push({ level: 'info', code: 'data.copied', at: Date.now(), detail: copiedFrom })
  }
  if (copyFailed !== undefined) {
    startupNotices.push({
      level: 'warning',
      code: 'data.copy_failed',
      at: Date.now(),
      detail: copyFailed.from,
    })
  }
  const dataDirSettings = createDataDirSettings({
    dataDir: options.dataDir,
    source: options.dataLocation?.source ?? 'flag',
    defaultDir: options.dataLocation?.defaultDir ?? options.dataDir,
    desktop: options.host === 'electron',
    pickFolder: options.pickFolder,
  })

  const handlers: Handlers = {
    'app.info': () => readAppInfo(options),
    'app.notices': () => ({ notices: startupNotices }),
    'providers.list': () => ({ providers }),
    'connections.list': guard(async () => ({ connections: await connections.list() })),
    'connections.create': guard((input) => connections.create(input)),
    'connections.update': guard((input) => {
      models.forget(input.id)
      return connections.update(input)
    }),
    'connections.delete': guard(async ({ id }) => {
      models.forget(id)
      return { deleted: await connections.delete(id) }
    }),
    'models.list': guard(({ connectionId, refresh }) => models.list(connectionId, refresh)),
    'models.capabilities': guard(async ({ connectionId, model }) =>
      models.capabilities(connectionId, model),
    ),
    'app.openWindow': guard(async ({ conversationId }) => {
      history.getConversation(conversationId)
      return { opened: options.openWindow?.(conversationId) ?? false }
    }),
    'connections.test': guard((input) => connections.test(input)),
    'runs.startChat': guard(async (input) =>
      runner.startChat({ ...input, provider: connections.providerOf(input.connectionId) } as never),
    ),
    'runs.rerun': guard(async (input) =>
      runner.rerun({ ...input, targets: input.targets.map(target) } as never),
    ),
    'runs.stop': guard(async ({ runId }) => ({ stopped: await runner.stop(runId) })),
    'runs.retryNow': guard(async ({ runId }) => ({ retried: runner.retryNow(runId) })),
    'compare.start': guard(async (input) =>
      runner.startComparison({
        ...input,
        ...(input.targets ? { targets: input.targets.map(target) } : {}),
      } as never),
    ),
    'compare.stop': guard(async ({ id }) => ({ stopped: await runner.stopComparison(id) })),
    'history.list': guard(async (input) => history.listConversations(input as never)),
    'history.get': guard(async ({ id }) => history.getConversation(id)),
    'history.search': guard(async (input) => history.search(input as never)),
    'history.update': guard(async ({ id, title, pinned, archived, tags }) => {
      let conversation = history.getConversation(id).conversation
      if (title !== undefined) conversation = history.renameConversation(id, title)
      if (pinned !== undefined) conversation = history.setPinned(id, pinned)
      if (archived !== undefined) conversation = history.setArchived(id, archived)
      if (tags !== undefined) conversation = history.setTags(id, tags)
      return conversation
    }),
    'history.delete': guard(async ({ id }) => ({ deleted: history.deleteConversation(id) })),
    'history.export': guard(async ({ format, conversationIds }) => {
      const scope = conversationIds ? { conversationIds } : {}
      const stamp = new Date().toISOString().slice(0, 10)
      return format === 'json'
        ? {
            format,
            fileName: `parallax-history-${stamp}.json`,
            content: JSON.stringify(history.exportJson(scope), null, 2),
          }
        : {
            format,
            fileName: `parallax-history-${stamp}.md`,
            content: history.exportMarkdown(scope),
          }
    }),
    'history.import': guard(async ({ data }) => history.importJson(data)),
    'history.backups': () => backups.list(),
    'history.restore': guard(async ({ backup }) => backups.restore(backup)),
    'history.clear': guard(async () => {
      let deleted = 0
      for (;;) {
        const page = history.listConversations({ archived: 'all', limit: 200 })
        if (page.items.length === 0) return { deleted }
        const before = deleted
        for (const conversation of page.items) {
          if (history.deleteConversation(conversation.id)) deleted++
        }
        if (deleted === before) return { deleted }
      }
    }),
    'settings.get': () => ({ ...settings.get(), ...dataDirSettings.view() }),
    'settings.update': guard(async (changes) => {
      const updated = settings.update(changes)
      applySettings()
      return { ...updated, ...dataDirSettings.view() }
    }),
    'settings.chooseDataDir': (input) => {
      requireChoosableDataDir(options)
      return { ...settings.get(), ...dataDirSettings.choose(input) }
    },
    'settings.pickDataDir': async (input) => {
      requireChoosableDataDir(options)
      return { ...settings.get(), ...(await dataDirSettings.pick(input)) }
    },
    'usage.report': guard(async (input) => queryUsage(history.db, input as never)),
    ...createVaultHandlers(vault),
  }
  return {
    handlers,
    emit: options.emit,
    history,
    vault,
    runner,
    async close() {
      // Live runs end as `stopped`, their text saved, before the stores close.
      await runner.stopAll()
      await vault.close()
      await backups.close()
      history.close()
    },
  }
}

function requireChoosableDataDir(options: CoreOptions): void {
  if (options.dataLocation) return
  throw new RpcFailure(
    'invalid_input',
    'This host was given its data folder and cannot choose another.',
    'path',
    'not_choosable',
  )
}

/** Vault refusals cross the boundary as data the UI can act on; other errors stay internal. */
function asRpcFailure(error: unknown): unknown {
  if (error instanceof HistoryNotFoundError) return new RpcFailure('not_found', error.message, 'id')
  if (error instanceof UnknownBackupError) {
    return new RpcFailure('invalid_input', error.message, 'backup', 'unknown_backup')
  }
  if (error instanceof HistoryImportError) {
    return new RpcFailure('invalid_input', error.message, `data.${error.field}`.replace(/\.$/, ''))
  }
  // The runner checks its input before writing anything; its refusals are the caller's mistake.
  if (error instanceof TypeError) {
    const field = (error as TypeError & { field?: unknown }).field
    return new RpcFailure(
      'invalid_input',
      error.message,
      typeof field === 'string' ? field : undefined,
    )
  }
  if (error instanceof ConnectionBindingError) {
    return new RpcFailure('invalid_input', error.message, 'connectionId', error.code)
  }
  if (!(error instanceof VaultError)) return error
  if (error.kind === 'locked') return new RpcFailure('vault_locked', error.message)
  if (error.kind === 'insecure') return new RpcFailure('consent_required', error.message)
  if (error.kind === 'unavailable') {
    return new RpcFailure('invalid_input', error.message, undefined, 'vault_unavailable')
  }
  if (error.kind === 'reenter') {
    return new RpcFailure('invalid_input', error.message, undefined, 'key_reenter')
  }
  return error
}
