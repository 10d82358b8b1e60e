import { resolve } from 'node:path'
import { RpcFailure } from '../shared/rpc-result'
import type { DataDirSource } from './data-dir'
import {
  checkNewDataDir,
  readDataLocation,
  writeDataLocation,
  type DataDirProblem,
} from './data-location'

export interface DataDirContext {
  /** The folder in use now. */
  dataDir: string
  source: DataDirSource
  /** The default folder, where the choice for the next start is saved. */
  defaultDir: string
}

export interface DataDirView {
  dataDir: string
  dataDirSource: DataDirSource
  defaultDataDir: string
  nextDataDir: string | null
  nextCopiesData: boolean
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

/** The data folder as Settings shows it, and choosing another one for the next start. */
export function createDataDirSettings(context: DataDirContext) {
  const view = (): DataDirView => {
    const saved = readDataLocation(context.defaultDir)
    const next = saved?.dataDir ?? context.defaultDir
    return {
      dataDir: context.dataDir,
      dataDirSource: context.source,
      defaultDataDir: context.defaultDir,
      nextDataDir: resolve(next) === resolve(context.dataDir) ? null : next,
      nextCopiesData: saved?.copyFrom !== undefined,
    }
  }

  const choose = (input: { path: string | null; copyData: boolean }): DataDirView => {
    const target = input.path ?? context.defaultDir
    if (input.path !== null && resolve(input.path) === resolve(context.dataDir)) {
      // Choosing the folder in use cancels a change waiting for the next start.
      writeDataLocation(
        context.defaultDir,
        resolve(target) === resolve(context.defaultDir) ? null : { dataDir: resolve(target) },
      )
      return view()
    }
    if (input.path === null && resolve(context.dataDir) === resolve(context.defaultDir)) {
      writeDataLocation(context.defaultDir, null)
      return view()
    }
    const problem = checkNewDataDir(target, context.dataDir, input.copyData)
    if (problem) throw new RpcFailure('invalid_input', PROBLEM_TEXT[problem], 'path', problem)
    const dataDir = resolve(target)
    if (!input.copyData && dataDir === resolve(context.defaultDir)) {
      writeDataLocation(context.defaultDir, null)
    } else {
      writeDataLocation(context.defaultDir, {
        dataDir,
        ...(input.copyData ? { copyFrom: resolve(context.dataDir) } : {}),
      })
    }
    return view()
  }

  return { view, choose }
}
