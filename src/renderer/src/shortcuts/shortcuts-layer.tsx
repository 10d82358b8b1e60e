import { useEffect, useEffectEvent, useState } from 'react'
import { useAppStore } from '../app/app-context'
import { toggleSidebar } from '../app/sidebar-state'
import { useI18n } from '../i18n/i18n'
import { CommandPalette } from './command-palette'
import { detectApplePlatform } from './platform'
import { usePaletteCommands } from './use-palette-commands'
import { matchShortcut, type ShortcutId } from './shortcut-table'
import { ShortcutsHelp } from './shortcuts-help'
import { isTypingTarget } from './typing-target'
import { dispatchAppEvent } from './dispatch-app-event'
import { focusPromptWhenShown } from './focus-prompt'
import './shortcuts.css'

type Overlay = 'help' | 'palette' | null

const apple = detectApplePlatform()

/** Global keyboard shortcuts, the command palette (Mod+K) and the shortcut sheet (Mod+/ or ?). */
export function ShortcutsLayer() {
  const { t } = useI18n()
  const { navigate } = useAppStore()
  const [overlay, setOverlay] = useState<Overlay>(null)
  const [error, setError] = useState<string | null>(null)
  const commands = usePaletteCommands({ openHelp: () => setOverlay('help'), onError: setError })

  const perform = (id: ShortcutId) => {
    switch (id) {
      case 'palette':
      case 'help':
        setOverlay((open) => (open === id ? null : id))
        return
      case 'newChat':
        navigate({ name: 'chat' })
        return focusPromptWhenShown()
      case 'newCompare':
        navigate({ name: 'compare' })
        return focusPromptWhenShown()
      case 'settings':
        return navigate({ name: 'settings' })
      case 'toggleSidebar':
        return toggleSidebar()
      case 'searchHistory':
      case 'focusInput':
      case 'stop':
        return dispatchAppEvent(id)
    }
  }

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return
    const id = matchShortcut(event, { apple, typing: isTypingTarget(event.target) })
    if (id === null) return
    const inDialog =
      event.target instanceof Element && event.target.closest('[aria-modal="true"]') !== null
    // Inside a dialog only our own sheets may be toggled; other shortcuts wait until it closes.
    if (inDialog && (overlay === null || (id !== 'palette' && id !== 'help'))) return
    event.preventDefault()
    perform(id)
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <>
      {overlay === 'help' && <ShortcutsHelp apple={apple} onClose={() => setOverlay(null)} />}
      {overlay === 'palette' && (
        <CommandPalette
          commands={commands}
          apple={apple}
          onClose={() => setOverlay(null)}
          onRun={(command) => {
            setOverlay(null)
            command.run()
          }}
        />
      )}
      {error !== null && (
        <div role="alert" className="shortcuts-error">
          <span>{t('shortcuts.error', { message: error })}</span>
          <button type="button" onClick={() => setError(null)}>
            {t('shortcuts.dismiss')}
          </button>
        </div>
      )}
    </>
  )
}
