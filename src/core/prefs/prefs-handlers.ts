import type { Handlers } from '../../shared/dispatch'
import type { PrefsStore } from './prefs-store'

/** The window's preferences (presets, last models, sidebar, dismissed banners). */
export function createPrefsHandlers(prefs: PrefsStore): Pick<Handlers, 'prefs.get' | 'prefs.set'> {
  return {
    'prefs.get': () => prefs.get(),
    'prefs.set': (changes) => prefs.update(changes),
  }
}
