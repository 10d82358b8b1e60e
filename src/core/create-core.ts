import { join } from 'node:path'
import { providers } from '../llm/index'
import type { EventName, EventPayload, HostKind } from '../shared/contract'
import type { Handlers } from '../shared/dispatch'
import { RpcFailure } from '../shared/rpc-result'
import { readAppInfo } from './app/app-info'
import { createConnectionService } from './connections/connection-service'
import { ensureDataDir } from './data-dir'
import { createHistoryStore, type HistoryStore } from './history/index'
import { openVault, VaultError, type Vault, type VaultKeyOptions } from './vault/index'

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export const HISTORY_FILE_NAME = 'history.sqlite'

export interface CoreOptions {
  version: string
  host: HostKind
  dataDir: string
  emit: EventSink
  /** How the vault's key is obtained: safeStorage in Electron, a 0600 key file in the web host. */
  vaultKey: VaultKeyOptions
  /** The two hosts protect keys differently, so each keeps its own vault file. */
  vaultFileName?: string
}

export interface Core {
  handlers: Handlers
  emit: EventSink
  history: HistoryStore
  vault: Vault
  close(): Promise<void>
}

/**
 * Opens the app services behind the contract — the history database, the key vault, saved
 * connections — and returns the handler map both hosts bind.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  ensureDataDir(options.dataDir)
  const history = createHistoryStore({ file: join(options.dataDir, HISTORY_FILE_NAME) })
  let vault: Vault
  try {
    vault = await openVault({
      dir: options.dataDir,
      ...(options.vaultFileName ? { fileName: options.vaultFileName } : {}),
      ...options.vaultKey,
    } as Parameters<typeof openVault>[0])
  } catch (error) {
    history.close()
    throw error
  }
  const connections = createConnectionService({ db: history.db, vault })
  const guard =
    <I, O>(run: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      try {
        return await run(input)
      } catch (error) {
        throw asRpcFailure(error)
      }
    }

  const handlers: Handlers = {
    'app.info': () => readAppInfo(options),
    'providers.list': () => ({ providers }),
    'connections.list': guard(async () => ({ connections: await connections.list() })),
    'connections.create': guard((input) => connections.create(input)),
    'connections.update': guard((input) => connections.update(input)),
    'connections.delete': guard(async ({ id }) => ({ deleted: await connections.delete(id) })),
    'connections.test': guard(({ id }) => connections.test(id)),
    'vault.status': () => {
      const status = vault.status()
      return {
        kind: status.kind,
        secure: status.secure,
        ...(status.note ? { note: status.note } : {}),
        unlocked: status.unlocked,
        count: status.count,
        consentRequired: status.consentRequired,
      }
    },
  }
  return {
    handlers,
    emit: options.emit,
    history,
    vault,
    async close() {
      await vault.close()
      history.close()
    },
  }
}

/** Vault refusals cross the boundary as data the UI can act on; other errors stay internal. */
function asRpcFailure(error: unknown): unknown {
  if (!(error instanceof VaultError)) return error
  if (error.kind === 'locked') return new RpcFailure('vault_locked', error.message)
  if (error.kind === 'insecure') return new RpcFailure('consent_required', error.message)
  return error
}
