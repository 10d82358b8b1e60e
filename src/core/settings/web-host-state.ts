import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { makePrivate, PRIVATE_FILE_MODE } from '../private-file'

/**
 * The web host's port and access token for this data folder, so a restart answers on the same
 * address to the same cookie. Private (0600): the token opens everything the host serves.
 * Not copied when the data folder moves: each folder has its own.
 */
export const WEB_HOST_FILE_NAME = 'web-host.json'

const WebHostStateSchema = z.object({
  port: z.number().int().min(1).max(65535).optional(),
  /** base64url of 32 random bytes, as createAccessToken makes it. */
  token: z
    .string()
    .regex(/^[\w-]{43,}$/)
    .optional(),
})
export type WebHostState = z.infer<typeof WebHostStateSchema>

/** What the last web host on this folder used; a missing or damaged file counts as nothing. */
export function readWebHostState(dataDir: string): WebHostState {
  const file = join(dataDir, WEB_HOST_FILE_NAME)
  if (!existsSync(file)) return {}
  makePrivate(file)
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    // Each field on its own: a bad port must not cost the token (and sign everyone out).
    const port = WebHostStateSchema.shape.port.safeParse(raw.port)
    const token = WebHostStateSchema.shape.token.safeParse(raw.token)
    return {
      ...(port.success && port.data !== undefined ? { port: port.data } : {}),
      ...(token.success && token.data !== undefined ? { token: token.data } : {}),
    }
  } catch {
    return {}
  }
}

/** Writes the state atomically, owner-only. */
export function saveWebHostState(dataDir: string, state: WebHostState): void {
  const file = join(dataDir, WEB_HOST_FILE_NAME)
  const next = WebHostStateSchema.parse(state)
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
  writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: PRIVATE_FILE_MODE })
  renameSync(temp, file)
}
