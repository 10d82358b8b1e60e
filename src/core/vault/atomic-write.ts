import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { open, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0600). */
  mode?: number
  /** Called after the temp file is written and fsynced, before the rename (tests simulate a crash here). */
  beforeRename?: (tempFile: string) => void | Promise<void>
}

const TEMP_MARK = '.tmp-'

/**
 * Replaces `file` so that a reader (or a crash at any moment) sees either the old or the new
 * content, never a mix: write a temp file beside it, fsync, rename over, fsync the folder.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Buffer,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const temp = `${file}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL
  const handle = await open(temp, flags, options.mode ?? 0o600)
  let renamed = false
  try {
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await options.beforeRename?.(temp)
    await rename(temp, file)
    renamed = true
  } finally {
    if (!renamed) await rm(temp, { force: true })
  }
  await syncFolder(dirname(file))
}

/** Removes temp files a crashed writer left beside `file`. */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  const prefix = basename(file) + TEMP_MARK
  const names = (await readdir(dirname(file))).filter((name) => name.startsWith(prefix))
  await Promise.all(names.map((name) => rm(join(dirname(file), name), { force: true })))
  return names
}

// Makes the rename itself durable. Windows cannot open a folder for fsync; there the rename is
// already committed by NTFS's journal.
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, constants.O_RDONLY)
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
