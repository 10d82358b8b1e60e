import { readWebHostState, saveWebHostState } from '../core/index'
import { createAccessToken } from './access-token'
import type { WebHost } from './web-host'

/** What a start needs from the data folder's saved state, and what to tell the person. */
export interface HostIdentityChoice {
  token: string
  /** The port to try first; undefined: a free one. */
  port: number | undefined
  /** Whether `port` came from the data folder (then a taken one falls back to a free port). */
  portIsLast: boolean
  lines: string[]
}

/**
 * The access token and port for this data folder: the saved token unless `--new-token` (or none
 * saved yet), and `--port` if given, else the port the folder's last host used.
 */
export function chooseHostIdentity(
  dataDir: string,
  options: { port: number | undefined; newToken: boolean },
): HostIdentityChoice {
  const saved = readWebHostState(dataDir)
  const lines: string[] = []
  let token = saved.token
  if (options.newToken || token === undefined) {
    token = createAccessToken()
    if (options.newToken && saved.token !== undefined) {
      lines.push(
        'Made a new access token: the old link and pages signed in with it no longer work.',
      )
    }
  }
  if (options.port !== undefined) return { token, port: options.port, portIsLast: false, lines }
  return { token, port: saved.port, portIsLast: saved.port !== undefined, lines }
}

/**
 * Starts the host on the chosen port; when that is the folder's last port and another program
 * holds it now, on a free one instead, saying so. Then saves the port and token for next time.
 */
export async function startOnChosenPort(
  dataDir: string,
  choice: HostIdentityChoice,
  start: (port: number, token: string) => Promise<WebHost>,
): Promise<{ host: WebHost; lines: string[] }> {
  const lines = [...choice.lines]
  let host: WebHost
  try {
    host = await start(choice.port ?? 0, choice.token)
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE'
    if (!choice.portIsLast || !taken) throw error
    host = await start(0, choice.token)
    lines.push(
      `Port ${choice.port} (used last time) is taken, so Parallax uses ${host.port} this time: ` +
        'open the new link; pages on the old address will not reach it.',
    )
  }
  saveWebHostState(dataDir, { port: host.port, token: choice.token })
  return { host, lines }
}
