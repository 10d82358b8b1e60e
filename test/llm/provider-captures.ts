import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Real recorded provider traffic lives beside the repository (`../shared/provider-captures`,
 * reference data that is not ours to commit); PARALLAX_CAPTURES_DIR points elsewhere. Replay
 * tests run wherever it exists — CI has it — and report themselves skipped, saying why, where not.
 */
export const CAPTURES_ROOT = resolve(
  process.env.PARALLAX_CAPTURES_DIR ??
    resolve(import.meta.dirname, '../../../shared/provider-captures'),
)

export const capturesAvailable = existsSync(CAPTURES_ROOT)

export const CAPTURES_MISSING = `no provider captures at ${CAPTURES_ROOT} (set PARALLAX_CAPTURES_DIR)`

export function capturesDir(provider: string): string {
  return resolve(CAPTURES_ROOT, provider)
}
