import { randomBytes } from 'node:crypto'
import { constants, existsSync } from 'node:fs'
import { lstat, mkdir, open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { AES_KEY_BYTES } from './aes-gcm-encryptor'
import { VaultKeyFileError } from './vault-errors'

/**
 * Reads the 32-byte key file, creating it (mode 0600, exclusive create) when it does not exist.
 * A file readable by others (POSIX), of the wrong size, or not a regular file is refused, never
 * rewritten: it may be someone's only copy of the key.
 */
export async function loadOrCreateKeyFile(
  file: string,
  options: { create?: boolean; platform?: NodeJS.Platform } = {},
): Promise<{ key: Buffer; created: boolean }> {
  const platform = options.platform ?? process.platform
  const created = options.create === false ? false : await createIfMissing(file)
  if (!created && !existsSync(file)) {
    throw new VaultKeyFileError(
      file,
      'missing',
      `The key file ${file} is missing; the key vault was encrypted with it. Restore it from a ` +
        `backup (a new key cannot read the stored keys).`,
    )
  }
  const info = await lstat(file)
  if (!info.isFile()) {
    throw new VaultKeyFileError(file, 'not-a-file', `The key file ${file} is not a regular file.`)
  }
  if (platform !== 'win32' && (info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, '0')
    throw new VaultKeyFileError(
      file,
      'permissions',
      `The key file ${file} has permissions ${mode}; other users may read it. Run ` +
        `"chmod 600 ${file}" (and consider the key leaked if others could read it).`,
    )
  }
  const key = await readFile(file)
  if (key.length !== AES_KEY_BYTES) {
    key.fill(0)
    throw new VaultKeyFileError(
      file,
      'size',
      `The key file ${file} has ${info.size} bytes; a Parallax key file holds exactly ` +
        `${AES_KEY_BYTES} random bytes. It was left as it is.`,
    )
  }
  return { key, created }
}

async function createIfMissing(file: string): Promise<boolean> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  let handle
  try {
    handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  const key = randomBytes(AES_KEY_BYTES)
  try {
    await handle.writeFile(key)
    await handle.sync()
  } finally {
    key.fill(0)
    await handle.close()
  }
  return true
}
