import { DataDirInUseError, errorSummary, VaultError } from '../core/index'
import type { DesktopTranslate } from './desktop-text'

export type StartupStage = { stage: 'data-dir'; dir: string } | { stage: 'start' }

/**
 * The one plain sentence a failed start shows in its error dialog, and where the details were
 * logged. A vault the OS cannot encrypt for (no keychain, a refused Keychain prompt, a Linux
 * keyring not ready at login) says so and what to do; a folder in use names it.
 */
export function startupFailureText(
  error: unknown,
  where: StartupStage,
  t: DesktopTranslate,
  log: string | undefined,
): string {
  const sentence = failureSentence(error, where, t)
  return log === undefined ? sentence : `${sentence}\n\n${t('start.log', { log })}`
}

function failureSentence(error: unknown, where: StartupStage, t: DesktopTranslate): string {
  if (error instanceof DataDirInUseError) return t('start.dataDirInUse', { dir: error.dir })
  if (error instanceof VaultError && error.kind === 'unavailable')
    return t('start.vaultUnavailable')
  const reason = errorSummary(error)
  if (where.stage === 'data-dir') return t('start.dataDirFailed', { dir: where.dir, reason })
  return t('start.failed', { reason })
}
