import { guarded, requireReady, violate } from './rules.ts'
import { config, state } from './state.ts'

type Options = Record<string, unknown>

/** `dialog.x([browserWindow, ]options)`: the window is optional and must be a live one. */
function splitArgs(method: string, args: unknown[]): Options {
  const [first, second] = args
  if (second === undefined) return (first ?? {}) as Options
  const parent = first as { isDestroyed?: () => boolean } | null
  if (typeof parent?.isDestroyed !== 'function' || parent.isDestroyed()) {
    violate('destroyed', `dialog.${method} was given a parent that is not a live BrowserWindow.`)
  }
  return second as Options
}

function record(method: string, options: Options): void {
  state.report({ type: 'dialog', method, args: [options] })
}

/**
 * Native dialogs. Only `showErrorBox` "can be called safely before the ready event"
 * (electron.d.ts, Dialog.showErrorBox); the others need a ready app.
 */
export const dialog = guarded('dialog', {
  showErrorBox(title: string, content: string): void {
    record('showErrorBox', { title, content })
  },
  async showMessageBox(...args: unknown[]) {
    requireReady('dialog.showMessageBox')
    const options = splitArgs('showMessageBox', args)
    record('showMessageBox', options)
    const fallback = typeof options.cancelId === 'number' ? options.cancelId : 0
    return { response: config().dialogs.messageBoxResponse ?? fallback, checkboxChecked: false }
  },
  showMessageBoxSync(...args: unknown[]): number {
    requireReady('dialog.showMessageBoxSync')
    const options = splitArgs('showMessageBoxSync', args)
    record('showMessageBoxSync', options)
    const fallback = typeof options.cancelId === 'number' ? options.cancelId : 0
    return config().dialogs.messageBoxResponse ?? fallback
  },
  async showOpenDialog(...args: unknown[]) {
    requireReady('dialog.showOpenDialog')
    record('showOpenDialog', splitArgs('showOpenDialog', args))
    const paths = config().dialogs.openDialogPaths
    return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] }
  },
  async showSaveDialog(...args: unknown[]) {
    requireReady('dialog.showSaveDialog')
    record('showSaveDialog', splitArgs('showSaveDialog', args))
    return { canceled: true, filePath: '' }
  },
})
