import type { SettingsView } from '../app/app-context'
import type { FakeHandlers } from './fake-client'
import { providers } from './providers'

export const defaultSettings: SettingsView = {
  language: 'system',
  theme: 'system',
  requestTimeoutSeconds: 600,
  idleTimeoutSeconds: 60,
  maxRetries: 2,
  dataDir: '/home/ada/.parallax',
  dataDirSource: 'default',
  defaultDataDir: '/home/ada/.parallax',
  nextDataDir: null,
  nextCopiesData: false,
  nextDataDirApplies: null,
  dataDirChooser: 'path',
}

/**
 * What a fresh web host answers before anything was saved: what the app asks at start (settings
 * it remembers, the real provider list, no connections) and empty history, notices and backups.
 */
export function defaultHandlers(): FakeHandlers {
  let settings = { ...defaultSettings }
  let prefs: Record<string, unknown> = {}
  return {
    'app.info': () => ({
      name: 'Parallax',
      version: '0.1.0',
      host: 'web',
      platform: 'linux',
      arch: 'x64',
      versions: { node: '24.0.0', v8: '13.0' },
      dataDir: settings.dataDir,
    }),
    'app.notices': () => ({ notices: [] }),
    'settings.get': () => settings,
    'settings.update': (changes) => {
      settings = { ...settings, ...changes }
      return settings
    },
    'providers.list': () => ({ providers: [...providers] }),
    'connections.list': () => ({ connections: [] }),
    'history.list': () => ({ items: [], nextCursor: null }),
    'history.backups': () => ({ backups: [], pendingRestore: null }),
    'history.searchIndex': () => ({ rebuilding: false, percent: 100 }),
    'prefs.get': () => prefs,
    'prefs.set': (changes) => {
      const merged = Object.entries({ ...prefs, ...changes })
      prefs = Object.fromEntries(merged.filter(([, value]) => value !== null))
      return prefs
    },
  }
}
