import { useAppState, useAppStore } from '../app/app-context'
import { toggleSidebar } from '../app/sidebar-state'
import { useI18n } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import { dispatchAppEvent } from './dispatch-app-event'
import { focusPromptWhenShown } from './focus-prompt'
import type { PaletteCommand } from './palette-commands'

type Theme = 'system' | 'light' | 'dark'

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const THEME_LABEL: Record<Theme, MessageKey> = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
}

interface Options {
  openHelp(): void
  onError(message: string): void
}

/** The palette's commands, bound to the app's navigation and settings. */
export function usePaletteCommands({ openHelp, onError }: Options): PaletteCommand[] {
  const { t, language } = useI18n()
  const { navigate, updateSettings } = useAppStore()
  const settings = useAppState((app) => app.settings)
  const theme = settings?.theme ?? 'system'
  const otherLanguage = language === 'ko' ? 'en' : 'ko'
  const change = (changes: Parameters<typeof updateSettings>[0]) => {
    void updateSettings(changes).then((result) => {
      if (!result.ok) onError(result.error.message)
    })
  }
  return [
    {
      id: 'new-chat',
      labelKey: 'shortcuts.newChat',
      shortcut: 'newChat',
      run: () => {
        navigate({ name: 'chat' })
        focusPromptWhenShown()
      },
    },
    {
      id: 'new-compare',
      labelKey: 'shortcuts.newCompare',
      shortcut: 'newCompare',
      run: () => {
        navigate({ name: 'compare' })
        focusPromptWhenShown()
      },
    },
    {
      id: 'search-history',
      labelKey: 'shortcuts.searchHistory',
      shortcut: 'searchHistory',
      run: () => dispatchAppEvent('searchHistory'),
    },
    {
      id: 'connections',
      labelKey: 'shortcuts.palette.connections',
      run: () => navigate({ name: 'connections' }),
    },
    { id: 'usage', labelKey: 'shortcuts.palette.usage', run: () => navigate({ name: 'usage' }) },
    {
      id: 'settings',
      labelKey: 'shortcuts.settings',
      shortcut: 'settings',
      run: () => navigate({ name: 'settings' }),
    },
    { id: 'help', labelKey: 'shortcuts.help', shortcut: 'help', run: openHelp },
    {
      id: 'toggle-sidebar',
      labelKey: 'shortcuts.toggleSidebar',
      shortcut: 'toggleSidebar',
      run: toggleSidebar,
    },
    {
      id: 'toggle-theme',
      labelKey: 'shortcuts.palette.toggleTheme',
      detail: t('shortcuts.palette.themeNext', { theme: t(THEME_LABEL[NEXT_THEME[theme]]) }),
      run: () => change({ theme: NEXT_THEME[theme] }),
    },
    {
      id: 'switch-language',
      labelKey: 'shortcuts.palette.switchLanguage',
      detail: t('shortcuts.palette.languageNext', {
        language: t(otherLanguage === 'ko' ? 'settings.language.ko' : 'settings.language.en'),
      }),
      run: () => change({ language: otherLanguage }),
    },
  ]
}
