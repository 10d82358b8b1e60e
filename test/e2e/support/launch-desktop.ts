import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface DesktopFolders {
  /** Holds everything below; removed by `remove()`. */
  base: string
  /** The data folder (`--data-dir`). */
  dataDir: string
  /** Electron's `userData` (`--user-data-dir`, honoured by unpackaged builds only). */
  userData: string
  /** HOME / XDG_CONFIG_HOME / APPDATA: the default data folder lives under it, not the real one. */
  home: string
  remove(): void
}

export function desktopFolders(): DesktopFolders {
  const base = mkdtempSync(join(tmpdir(), 'parallax-electron-'))
  const folders = {
    base,
    dataDir: join(base, 'data'),
    userData: join(base, 'user-data'),
    home: join(base, 'home'),
  }
  mkdirSync(folders.home)
  return { ...folders, remove: () => rmSync(base, { recursive: true, force: true }) }
}

/**
 * Starts the built desktop app (`out/main`) the way a person does, with its own `userData` and
 * home so it never touches (or is refused by) a Parallax the developer is running.
 */
export async function launchDesktop(
  executablePath: string,
  folders: DesktopFolders,
  extraArgs: string[] = [],
): Promise<ElectronApplication> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'PARALLAX_DATA_DIR') {
      env[name] = value
    }
  }
  Object.assign(env, { HOME: folders.home, XDG_CONFIG_HOME: folders.home, APPDATA: folders.home })
  return electron.launch({
    executablePath,
    args: [
      resolve('.'),
      `--user-data-dir=${folders.userData}`,
      `--data-dir=${folders.dataDir}`,
      ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
      ...extraArgs,
    ],
    env,
  })
}

/** Calls a contract method through the preload bridge, as the renderer does. */
export async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    ([name, value]) =>
      (
        window as unknown as {
          parallax: { invoke(m: string, i: unknown): Promise<{ ok: boolean; value?: unknown }> }
        }
      ).parallax.invoke(name as string, value),
    [method, input] as const,
  )
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result)}`)
  return result.value as T
}
