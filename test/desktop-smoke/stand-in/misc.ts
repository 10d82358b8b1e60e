import { EventEmitter } from 'node:events'
import { guarded } from './rules.ts'
import { state } from './state.ts'

function record(method: string, args: unknown[]): void {
  state.report({ type: 'app-call', method, args })
}

export const shell = guarded('shell', {
  async openExternal(url: string): Promise<void> {
    record('shell.openExternal', [url])
  },
  async openPath(path: string): Promise<string> {
    record('shell.openPath', [path])
    return ''
  },
  showItemInFolder(path: string): void {
    record('shell.showItemInFolder', [path])
  },
})

let clipboardText = ''
export const clipboard = guarded('clipboard', {
  writeText(text: string): void {
    clipboardText = text
    record('clipboard.writeText', [text.length])
  },
  readText(): string {
    return clipboardText
  },
})

export const nativeTheme = guarded(
  'nativeTheme',
  Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    themeSource: 'system' as 'system' | 'light' | 'dark',
  }),
)
