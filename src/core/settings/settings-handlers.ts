import type { Handlers } from '../../shared/dispatch'
import { InputError } from '../errors/domain-errors'
import type { DataDirSettings } from './data-dir-settings'
import type { SettingsStore } from './settings-store'

type SettingsMethod =
  'settings.get' | 'settings.update' | 'settings.chooseDataDir' | 'settings.pickDataDir'

export interface SettingsHandlerDeps {
  settings: SettingsStore
  dataDir: DataDirSettings
  /** False when the host was given its data folder (a flag): Settings cannot choose another. */
  dataDirChoosable: boolean
  /** Called after the settings changed, so the next run follows them. */
  onChange: () => void
}

/** The saved settings, and the data folder for the next start. */
export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<Handlers, SettingsMethod> {
  const { settings, dataDir } = deps
  const requireChoosable = (): void => {
    if (deps.dataDirChoosable) return
    throw new InputError('This host was given its data folder and cannot choose another.', {
      field: 'path',
      code: 'not_choosable',
    })
  }
  return {
    'settings.get': () => ({ ...settings.get(), ...dataDir.view() }),
    'settings.update': (changes) => {
      const updated = settings.update(changes)
      deps.onChange()
      return { ...updated, ...dataDir.view() }
    },
    'settings.chooseDataDir': (input) => {
      requireChoosable()
      return { ...settings.get(), ...dataDir.choose(input) }
    },
    'settings.pickDataDir': async (input) => {
      requireChoosable()
      return { ...settings.get(), ...(await dataDir.pick(input)) }
    },
  }
}
