import type { CallingFrame, Command, SmokeConfig } from '../messages.ts'
import { appInstance } from '../stand-in/app.ts'
import { BrowserWindow } from '../stand-in/browser-window.ts'
import { forgetPopup, lastPopup } from '../stand-in/menu.ts'
import { requestScheme } from '../stand-in/protocol.ts'
import { defaultSessionForWindows } from '../stand-in/session.ts'
import { makeEvent } from '../stand-in/state.ts'
import { FOREIGN_URL, type StandInWebContents } from '../stand-in/web-contents.ts'

type Bridge = { invoke?: (method: string, input: unknown) => Promise<unknown> }

/** Carries out one of the test's commands in the child, as a page or the OS would. */
export async function runCommand(command: Command, config: SmokeConfig): Promise<unknown> {
  switch (command.cmd) {
    case 'invoke': {
      const contents = contentsOf(command.window)
      const bridge = contents.page?.mainWorld[config.page.bridge] as Bridge | undefined
      if (typeof bridge?.invoke !== 'function') {
        throw new Error(`Window ${command.window} has no ${config.page.bridge} bridge.`)
      }
      const invoke = bridge.invoke
      return asFrame(contents, command.frame, () => invoke(command.method, command.input))
    }
    case 'fetch':
      return requestScheme(command.url)
    case 'permission-check': {
      const contents = contentsOf(command.window)
      const { origin, details } = permissionSource(contents, command.frame)
      // Without web contents the check is not made for a document: no requestingUrl (e.g. a
      // service worker; electron.d.ts, PermissionCheckHandlerHandlerDetails.requestingUrl).
      if (command.withoutContents) {
        return defaultSessionForWindows().checkPermission(null, command.permission, origin, {
          isMainFrame: false,
        })
      }
      return defaultSessionForWindows().checkPermission(
        contents,
        command.permission,
        origin,
        details,
      )
    }
    case 'permission-request': {
      const contents = contentsOf(command.window)
      const { details } = permissionSource(contents, command.frame)
      return defaultSessionForWindows().requestPermission(contents, command.permission, {
        isMainFrame: details.isMainFrame,
        requestingUrl: details.requestingUrl,
      })
    }
    case 'navigate':
      return contentsOf(command.window).requestNavigation(command.kind, command.url)
    case 'window-open':
      return contentsOf(command.window).requestWindowOpen(command.url)
    case 'context-menu': {
      forgetPopup()
      contentsOf(command.window).openContextMenu(command.params)
      await new Promise((done) => setImmediate(done))
      return lastPopup()?.visibleItems() ?? null
    }
    case 'click-menu-item':
      if (!lastPopup()) throw new Error('No menu was popped up.')
      lastPopup()?.clickVisible(command.index)
      return null
    case 'second-instance':
      if (!appInstance.isReady()) throw new Error('second-instance is emitted only after ready.')
      appInstance.emit('second-instance', makeEvent(), command.argv, command.cwd, {})
      return null
    case 'quit':
      appInstance.quit()
      return null
    case 'close-window':
      windowOf(command.window).close()
      return null
  }
}

function windowOf(id: number): { webContents: StandInWebContents; close(): void } {
  const windows = BrowserWindow.getAllWindows() as unknown as {
    webContents: StandInWebContents
    close(): void
  }[]
  const window = windows.find((w) => w.webContents.id === id)
  if (!window) throw new Error(`No open window has web contents ${id}.`)
  return window
}

function contentsOf(id: number): StandInWebContents {
  return windowOf(id).webContents
}

let frameCalls: Promise<unknown> = Promise.resolve()

/** Runs a call as coming from another frame; such calls run one at a time. */
function asFrame<T>(
  contents: StandInWebContents,
  frame: CallingFrame,
  run: () => Promise<T>,
): Promise<T> {
  if (frame === 'main') return run()
  const next = frameCalls.then(async () => {
    contents.callingFrame = frame
    try {
      return await run()
    } finally {
      contents.callingFrame = 'main'
    }
  })
  frameCalls = next.catch(() => {})
  return next
}

/** What Chromium tells a permission handler about the frame asking. */
function permissionSource(contents: StandInWebContents, frame: 'main' | 'sub' | 'foreign') {
  const url =
    frame === 'foreign' ? FOREIGN_URL : frame === 'sub' ? contents.subFrame.url : contents.getURL()
  const origin = new URL(url).origin === 'null' ? originOf(url) : new URL(url).origin
  return { origin, details: { isMainFrame: frame !== 'sub', requestingUrl: url } }
}

function originOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}`
}
