import { isAbsolute, resolve } from 'node:path'
import type { ResolvedDataDir } from '../core/index'

/** `--data-dir DIR` or `--data-dir=DIR` on the desktop app's command line. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--data-dir')
  if (at >= 0) return argv[at + 1]
  return argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length)
}

/**
 * What a launch tells the instance already running (`requestSingleInstanceLock`'s
 * `additionalData`): the data folder it was explicitly given (flag or PARALLAX_DATA_DIR),
 * resolved against its own working directory. A plain launch asks for nothing.
 */
export function launchRequest(wanted: ResolvedDataDir | undefined): Record<string, string> {
  return wanted && (wanted.source === 'flag' || wanted.source === 'env')
    ? { dataDir: wanted.dir }
    : {}
}

/**
 * The folder a second launch asked for, from its `additionalData`, else its `argv` (resolved
 * against its working directory); undefined when it asked for none.
 */
export function requestedDataDir(
  additionalData: unknown,
  argv: readonly string[],
  workingDirectory: string,
): string | undefined {
  const sent =
    typeof additionalData === 'object' && additionalData !== null
      ? (additionalData as Record<string, unknown>).dataDir
      : undefined
  if (typeof sent === 'string' && isAbsolute(sent)) return sent
  const flag = dataDirFlag(argv)
  return flag === undefined || flag.trim() === '' ? undefined : resolve(workingDirectory, flag)
}

/** True when a second launch asked for a folder other than the one this instance uses. */
export function asksForAnotherFolder(requested: string | undefined, current: string): boolean {
  return requested !== undefined && resolve(requested) !== resolve(current)
}

/**
 * Chromium's `--user-data-dir=DIR`, honoured only by an unpackaged app: development and the
 * Electron specs, which must not share the real profile or single-instance lock. A packaged app
 * always keeps Electron's default `userData` (the safeStorage key and the single-instance lock
 * live there; the data folder never does).
 */
export function unpackagedUserDataDir(
  isPackaged: boolean,
  argv: readonly string[],
): string | undefined {
  if (isPackaged) return undefined
  const value = argv
    .find((arg) => arg.startsWith('--user-data-dir='))
    ?.slice('--user-data-dir='.length)
  return value !== undefined && isAbsolute(value) ? value : undefined
}
