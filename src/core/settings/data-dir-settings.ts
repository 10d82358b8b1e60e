import { resolve } from 'node:path'
import type { DataDirSource } from '../data-dir'
import {
  checkNewDataDir,
  readDataLocation,
  writeDataLocation,
  type DataDirProblem,
  type DataLocation,
} from '../data-location'
import { InputError } from '../errors/domain-errors'

export interface DataDirContext {
  /** The folder in use now. */
  dataDir: string
  source: DataDirSource
  /** The default folder, where the choice for the next start is saved. */
  defaultDir: string
  /** In the desktop app a folder is chosen in its native dialog, never as a path from the page. */
  desktop: boolean
  /** The desktop app's folder dialog; null when the person cancelled it. */
  pickFolder?: (() => Promise<string | null>) | undefined
  now?: () => number
}

/** How the folder chosen for the next start takes over. */
export type NextDataDirApplies = 'next_start' | 'accept_flag' | 'confirm'

export interface DataDirView {
  dataDir: string
  dataDirSource: DataDirSource
  defaultDataDir: string
  nextDataDir: string | null
  nextCopiesData: boolean
  nextDataDirApplies: NextDataDirApplies | null
  dataDirChooser: 'dialog' | 'path'
}

const PROBLEM_TEXT: Record<DataDirProblem, string> = {
  not_absolute: 'Give the full path of the folder, starting from the root of the disk.',
  same_folder: 'Parallax already uses this folder.',
  inside_current: 'The new folder cannot be inside the current data folder.',
  not_a_folder: 'That path is a file, not a folder.',
  not_writable: 'Parallax cannot create or write to that folder.',
  holds_data:
    'That folder already holds Parallax data, which copying would overwrite. Choose an empty folder, or untick copying to use the data already there.',
}

/**
 * The data folder as Settings shows it, and choosing another one for the next start. A choice is
 * only saved as *pending*: a page alone never moves data. The web host applies a typed folder
 * when started with `--accept-data-dir`; the desktop app takes folders from its own dialog.
 */
export function createDataDirSettings(context: DataDirContext) {
  const desktop = context.desktop
  const now = context.now ?? Date.now
  const current = resolve(context.dataDir)

  const view = (): DataDirView => {
    const saved = readDataLocation(context.defaultDir)
    const pending = saved?.pending
    const next = pending?.dataDir ?? saved?.dataDir ?? context.defaultDir
    const changes = resolve(next) !== current
    let applies: NextDataDirApplies | null = null
    if (changes) {
      applies = 'next_start'
      if (pending && !pending.confirmed) applies = desktop ? 'confirm' : 'accept_flag'
    }
    return {
      dataDir: context.dataDir,
      dataDirSource: context.source,
      defaultDataDir: context.defaultDir,
      nextDataDir: changes ? next : null,
      nextCopiesData: changes && pending?.copyFrom !== undefined,
      nextDataDirApplies: applies,
      dataDirChooser: desktop ? 'dialog' : 'path',
    }
  }

  /** Choosing the folder in use cancels a change waiting for the next start. */
  const keepCurrent = (): DataDirView => {
    const atDefault = current === resolve(context.defaultDir)
    writeDataLocation(context.defaultDir, atDefault ? null : { dataDir: current })
    return view()
  }

  const savePending = (target: string, copyData: boolean, confirmed: boolean): DataDirView => {
    const problem = checkNewDataDir(target, context.dataDir, copyData)
    if (problem) throw new InputError(PROBLEM_TEXT[problem], { field: 'path', code: problem })
    const saved: DataLocation = readDataLocation(context.defaultDir) ?? {}
    writeDataLocation(context.defaultDir, {
      ...(saved.dataDir !== undefined ? { dataDir: saved.dataDir } : {}),
      pending: {
        dataDir: resolve(target),
        ...(copyData ? { copyFrom: current } : {}),
        chosenAt: now(),
        confirmed,
      },
    })
    return view()
  }

  const choose = (input: { path: string | null; copyData: boolean }): DataDirView => {
    if (input.path !== null && resolve(input.path) === current) return keepCurrent()
    if (input.path === null && current === resolve(context.defaultDir)) return keepCurrent()
    if (desktop && input.path !== null) {
      throw new InputError('In the desktop app, choose the folder with Choose folder….', {
        field: 'path',
        code: 'use_dialog',
      })
    }
    // The default folder is not the page's choice, so the desktop app takes it as confirmed.
    return savePending(input.path ?? context.defaultDir, input.copyData, desktop)
  }

  const pick = async (input: { copyData: boolean }): Promise<DataDirView> => {
    if (!context.pickFolder) {
      throw new InputError('This host has no folder dialog: type the folder’s path instead.', {
        code: 'no_dialog',
      })
    }
    const picked = await context.pickFolder()
    if (picked === null) return view()
    if (resolve(picked) === current) return keepCurrent()
    return savePending(picked, input.copyData, true)
  }

  return { view, choose, pick }
}

export type DataDirSettings = ReturnType<typeof createDataDirSettings>
