import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DataDirInUseError,
  errorForLog,
  errorSummary,
  internalErrorLine,
  openCore,
  openDataDir,
  resolveDataLocation,
  VAULT_FILE_NAME,
  writeStartupLog,
  type PreparedDataDir,
} from '../core/index'
import { createDispatcher } from '../shared/dispatch'
import { createEventHub } from './event-hub'
import { CliUsageError, parseServeArgs, SERVE_USAGE } from './parse-cli-args'
import { seedConnections } from './seed-connections'
import { explainVaultStartError, serveVaultKey, vaultStartLines } from './serve-vault-key'
import { startWebHost } from './web-host'
import { chooseHostIdentity, startOnChosenPort } from './web-host-identity'

/** What a failed start needs to write its details down: the data folder, once it is ours. */
const startup: { logDir?: string; secrets: string[] } = { secrets: [] }

/** `parallax serve`: the web host on 127.0.0.1, printing one line with the address to open. */
async function main(argv: readonly string[]): Promise<void> {
  const options = parseServeArgs(argv)
  if (options.help) {
    process.stdout.write(`${SERVE_USAGE}\n`)
    return
  }
  const resolved = resolveDataLocation({
    explicit: options.dataDir,
    acceptPending: options.acceptDataDir,
  })
  // Taken before anything reads or writes the folder: a refused start leaves it as it was.
  const { location, lock } = openDataDir(resolved, { kind: 'web' })
  const dataDir = location.dir
  startup.logDir = dataDir
  process.on('exit', () => lock.release())
  reportDataDirChange(location, options.acceptDataDir)
  const hub = createEventHub()
  // The web host has no OS keychain: a generated 0600 key file beside the data, or a passphrase.
  const vaultKey = serveVaultKey(options, process.env, dataDir)
  const fromEnv = 'passphrase' in vaultKey && typeof vaultKey.passphrase === 'string'
  if (fromEnv) startup.secrets.push(vaultKey.passphrase as string)
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
    onInternalError: (method, error, incident) =>
      process.stderr.write(
        `parallax: ${internalErrorLine(method, incident, error, startup.secrets)}\n`,
      ),
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
  // The folder's own token and last port: a restarted host answers the page's reload.
  const identity = chooseHostIdentity(dataDir, options)
  startup.secrets.push(identity.token)
  const { host, lines } = await startOnChosenPort(dataDir, identity, (port, token) =>
    startWebHost({
      dispatch,
      hub,
      rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
      port,
      token,
      onError: (error) => logError('request failed', error),
    }),
  )
  for (const line of lines) process.stdout.write(`${line}\n`)
  process.stdout.write(`Parallax is running at ${host.url}\n`)
  for (const line of vaultStartLines(core.vault.notices)) process.stdout.write(`${line}\n`)
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
      .finally(() => {
        lock.release()
        process.exit(0)
      })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** One line on what start-up did about a data folder chosen in Settings. */
function reportDataDirChange(location: PreparedDataDir, accepting: boolean): void {
  const say = (line: string) => process.stdout.write(`${line}\n`)
  if (location.waiting) {
    say(
      `A new data folder was chosen in Settings (${location.waiting.dataDir}); nothing moves until ` +
        `you start with --accept-data-dir (npm run serve -- --accept-data-dir).`,
    )
  } else if (location.applying && location.unavailable === undefined) {
    const copied = location.copiedFrom ? `, with the data copied from ${location.copiedFrom}` : ''
    say(`Now using the data folder chosen in Settings: ${location.dir}${copied}.`)
  } else if (accepting && location.unavailable === undefined && !location.applying) {
    say(
      location.source === 'env'
        ? 'PARALLAX_DATA_DIR is set, so the data folder chosen in Settings was not applied.'
        : 'No data folder change was waiting, so --accept-data-dir changed nothing.',
    )
  }
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}

function logError(what: string, error: unknown): void {
  process.stderr.write(`parallax: ${what}: ${errorForLog(error, startup.secrets)}\n`)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof CliUsageError) {
    process.stderr.write(`parallax: ${error.message}\n\n${SERVE_USAGE}\n`)
    process.exit(2)
  }
  if (error instanceof DataDirInUseError) {
    process.stderr.write(`parallax: ${error.message}\n`)
    process.exit(1)
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') {
    process.stderr.write(
      'parallax: that port is already in use; choose another with --port, or leave it out for a free one.\n',
    )
  } else {
    // One sentence for the person; the stack goes to a log file in the data folder.
    const log =
      startup.logDir === undefined
        ? undefined
        : writeStartupLog(startup.logDir, error, {
            what: 'could not start',
            secrets: startup.secrets,
          })
    const where = log === undefined ? '' : `; the details are in ${log}`
    process.stderr.write(`parallax: could not start: ${errorSummary(error)}${where}.\n`)
  }
  process.exit(1)
})
