import { join } from 'node:path'
import { openCore, type Core, type CoreOptions } from '../../src/core/index'
import type { RpcResult } from '../../src/shared/rpc-result'

/**
 * The core as the web host opens it on `dataDir` (its vault key in a file beside the data), with
 * events dropped unless `options` says otherwise: the one set-up of the tests that need a core.
 */
export function openTestCore(dataDir: string, options: Partial<CoreOptions> = {}): Promise<Core> {
  return openCore({
    version: '0.0.0',
    host: 'web',
    dataDir,
    emit: () => {},
    vaultKey: { keyFile: join(dataDir, 'vault.key') },
    ...options,
  })
}

/** The value of a successful contract answer; a refusal fails the test, naming its kind. */
export function okValue<T>(result: RpcResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`)
  return result.value as T
}
