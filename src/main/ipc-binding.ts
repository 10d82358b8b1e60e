import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT_CHANNEL, IPC_RPC_CHANNEL } from '../shared/client'
import { events, type EventName, type EventPayload } from '../shared/contract'
import type { Dispatch } from '../shared/dispatch'
import { rpcFail } from '../shared/rpc-result'
import { isTrustedUrl } from './app-url'
import type { RunEventRouter } from './run-event-router'

/**
 * The Electron binder: every call must come from the top frame of one of the app's own pages,
 * then goes through the shared dispatcher (validate input, call handler, validate output).
 */
export function bindIpc(
  dispatch: Dispatch<void>,
  origins: Set<string>,
  router: RunEventRouter,
): () => void {
  ipcMain.handle(
    IPC_RPC_CHANNEL,
    async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      if (!isFromAppFrame(event, origins)) {
        return rpcFail('forbidden', 'Calls are accepted only from the app’s own window.')
      }
      if (typeof method !== 'string')
        return rpcFail('invalid_input', 'The method name must be a string.', 'method')
      const result = await dispatch(method, input)
      if (result.ok) router.noteCall(event.sender.id, method, input, result.value)
      return result
    },
  )
  return () => ipcMain.removeHandler(IPC_RPC_CHANNEL)
}

function isFromAppFrame(event: IpcMainInvokeEvent, origins: Set<string>): boolean {
  const frame = event.senderFrame
  if (frame === null || frame !== event.sender.mainFrame) return false
  return isTrustedUrl(frame.url, origins)
}

/** Sends a validated contract event to the windows the router picks among `windows`. */
export function sendEvent<E extends EventName>(
  windows: readonly BrowserWindow[],
  router: RunEventRouter,
  event: E,
  payload: EventPayload<E>,
): void {
  const checked: unknown = events[event].payload.parse(payload)
  const open = windows.filter((window) => !window.isDestroyed())
  const targets = new Set(
    router.targets(
      event,
      checked,
      open.map((window) => window.webContents.id),
    ),
  )
  for (const window of open) {
    if (targets.has(window.webContents.id))
      window.webContents.send(IPC_EVENT_CHANNEL, event, checked)
  }
}
