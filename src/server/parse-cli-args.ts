export interface ServeOptions {
  /** Undefined: the data folder's last port when it is free, else a free one. 0: a free one. */
  port: number | undefined
  dataDir: string | undefined
  connectionsFile: string | undefined
  /** The vault is keyed by a passphrase (from PARALLAX_VAULT_PASSPHRASE or typed in the app). */
  passphrase: boolean
  /** Apply the data folder change chosen in Settings (copying the data there if asked). */
  acceptDataDir: boolean
  /** Replace the data folder's saved access token: links and sign-ins from before stop working. */
  newToken: boolean
  help: boolean
}

export class CliUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliUsageError'
  }
}

export const SERVE_USAGE = `Usage: parallax serve [--port N] [--data-dir DIR | --accept-data-dir] [--passphrase]
                      [--connections FILE] [--new-token]

  --port N        port on 127.0.0.1 to listen on (default: the port this data folder used
                  last time if it is free, else a free one; 0: always a free one)
  --data-dir DIR  where history and keys live (default: $PARALLAX_DATA_DIR, else the
                  same per-user folder as the desktop app)
  --accept-data-dir  move to the data folder chosen in Settings (copying the data there if
                  you asked for that); without it, the chosen folder waits and nothing moves
  --passphrase    protect saved keys with a passphrase instead of the key file vault.key:
                  taken from $PARALLAX_VAULT_PASSPHRASE if set, else typed in the app to
                  unlock (never put the passphrase itself on the command line)
  --connections FILE  save the connections in FILE (JSON, as \`npm run fakes -- --json\`
                  writes) as "Demo — <name>" before starting
  --new-token     make a new access token for this data folder (kept in web-host.json,
                  0600): the old link and every signed-in page stop working
  --help          show this help`

const PASSPHRASE_TAKES_NO_VALUE =
  '--passphrase takes no value: set the passphrase in PARALLAX_VAULT_PASSPHRASE, or leave it ' +
  'unset and type it in the app. (A passphrase on the command line is visible to other programs; ' +
  'if you typed a real one, consider changing it.)'

/** Parses `[serve] [--port N] [--data-dir DIR] …`, accepting `--flag value` and `--flag=value`. */
export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const options: ServeOptions = {
    port: undefined,
    dataDir: undefined,
    connectionsFile: undefined,
    passphrase: false,
    acceptDataDir: false,
    newToken: false,
    help: false,
  }
  const args = argv[0] === 'serve' ? argv.slice(1) : [...argv]
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const [flag, inline] = splitFlag(arg)
    const value = (): string => {
      if (inline !== undefined) return inline
      const next = args[i + 1]
      if (next === undefined || next.startsWith('--')) {
        throw new CliUsageError(`${flag} needs a value.`)
      }
      i++
      return next
    }
    switch (flag) {
      case '--port':
        options.port = parsePort(value())
        break
      case '--data-dir': {
        const dir = value()
        if (dir.trim() === '') throw new CliUsageError('--data-dir needs a folder path.')
        options.dataDir = dir
        break
      }
      case '--connections': {
        const file = value()
        if (file.trim() === '') throw new CliUsageError('--connections needs a file path.')
        options.connectionsFile = file
        break
      }
      case '--passphrase': {
        // A value here would be a passphrase typed where `ps` and shell history can see it.
        const next = args[i + 1]
        const isFlag = next === undefined || next.startsWith('--') || next === '-h'
        if (inline !== undefined || !isFlag) {
          throw new CliUsageError(PASSPHRASE_TAKES_NO_VALUE)
        }
        options.passphrase = true
        break
      }
      case '--accept-data-dir':
        if (inline !== undefined) throw new CliUsageError('--accept-data-dir takes no value.')
        options.acceptDataDir = true
        break
      case '--new-token':
        if (inline !== undefined) throw new CliUsageError('--new-token takes no value.')
        options.newToken = true
        break
      case '--help':
      case '-h':
        options.help = true
        break
      default:
        throw new CliUsageError(`Unknown option "${arg}".`)
    }
  }
  if (options.acceptDataDir && options.dataDir !== undefined) {
    throw new CliUsageError(
      '--accept-data-dir moves to the folder chosen in Settings, so it cannot be used with --data-dir.',
    )
  }
  return options
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=')
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliUsageError(`Invalid --port "${text}": expected a whole number from 0 to 65535.`)
  }
  return port
}
