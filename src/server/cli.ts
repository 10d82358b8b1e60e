import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openCore } from '../core/create-core'
import { prepareDataDir, resolveDataLocation } from '../core/data-dir'
import { VAULT_FILE_NAME } from '../core/vault/index'
import { createDispatcher } from '../shared/dispatch'
import { createEventHub } from './event-hub'
import { CliUsageError, parseServeArgs, SERVE_USAGE } from './parse-cli-args'
import { seedConnections } from './seed-connections'
import { explainVaultStartError, serveVaultKey } from './serve-vault-key'
import { startWebHost } from './web-host'

/** `parallax serve`: the web host on 127.0.0.1, printing one line with the address to open. */
async function main(argv: readonly string[]): Promise<void> {
  const options = parseServeArgs(argv)
  if (options.help) {
    process.stdout.write(`${SERVE_USAGE}\n`)
    return
  }
  const location = prepareDataDir(resolveDataLocation({ explicit: options.dataDir }))
  const dataDir = location.dir
  const hub = createEventHub()
  // The web host has no OS keychain: a generated 0600 key file beside the data, or a passphrase.
  const vaultKey = serveVaultKey(options, process.env, dataDir)
  const fromEnv = 'passphrase' in vaultKey && typeof vaultKey.passphrase === 'string'
  // Nothing this process starts needs the passphrase in its environment.
  delete process.env.PARALLAX_VAULT_PASSPHRASE
  let core: Awaited<ReturnType<typeof openCore>>
  try {
    core = await openCore({
      version: readVersion(),
      host: 'web',
      dataDir,
      dataLocation: location,
      emit: hub.emit,
      vaultKey,
    })
  } catch (error) {
    const context = {
      passphrase: options.passphrase,
      fromEnv,
      vaultFile: join(dataDir, VAULT_FILE_NAME),
    }
    const message = explainVaultStartError(error, context)
    if (message === null) throw error
    process.stderr.write(`parallax: ${message}\n`)
    process.exit(1)
  }
  const dispatch = createDispatcher(core.handlers, {
    onInternalError: (method, error) => logError(`${method} failed`, error),
  })
  if (options.connectionsFile) {
    try {
      const count = await seedConnections(dispatch, options.connectionsFile)
      process.stdout.write(`Saved ${count} connections from ${options.connectionsFile}\n`)
    } catch (error) {
      await core.close()
      throw error
    }
  }
  const host = await startWebHost({
    dispatch,
    hub,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    port: options.port,
    onError: (error) => logError('request failed', error),
  })
  process.stdout.write(`Parallax is running at ${host.url}\n`)
  if (!core.vault.status().unlocked) {
    process.stdout.write(
      'The key vault is locked: open the link and enter the passphrase in Settings or Connections.\n',
    )
  }

  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}

function logError(what: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`parallax: ${what}: ${detail}\n`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    process.stderr.write(`parallax: ${error.message}\n\n${SERVE_USAGE}\n`)
    process.exit(2)
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') {
    process.stderr.write(
      'parallax: that port is already in use; choose another with --port, or leave it out for a free one.\n',
    )
  } else {
    logError('could not start', error)
  }
  process.exit(1)
})
