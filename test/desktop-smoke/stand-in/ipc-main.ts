import { EventEmitter } from 'node:events'
import { sendAcrossIpc } from './clone-check.ts'
import type { StandInFrame } from './frames.ts'
import { guarded, violate } from './rules.ts'

type InvokeHandler = (event: object, ...args: unknown[]) => unknown

class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>()

  /** As lib/browser/ipc-main-impl.ts: one handler per channel, and it must be a function. */
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) {
      violate('ipc-second-handler', `ipcMain.handle('${channel}') was called twice.`)
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    if (typeof handler !== 'function') {
      throw new Error(`Expected handler to be a function, but found type '${typeof handler}'`)
    }
    this.handlers.set(channel, handler)
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return handler(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /**
   * A renderer's `ipcRenderer.invoke`: the handler gets an IpcMainInvokeEvent naming the sender
   * and its frame; its reply is structured-cloned back, and a throw reaches the renderer as an
   * Error with only its message.
   */
  async invokeFrom(
    sender: { id: number },
    senderFrame: StandInFrame | null,
    channel: string,
    args: unknown[],
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (!handler) {
      throw new Error(`Error invoking remote method '${channel}': No handler registered`)
    }
    const event = {
      sender,
      senderFrame,
      frameId: senderFrame?.routingId ?? -1,
      processId: senderFrame?.processId ?? -1,
      type: 'frame' as const,
      defaultPrevented: false,
      preventDefault() {},
    }
    let reply: unknown
    try {
      reply = await handler(event, ...args)
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
        cause: error,
      })
    }
    try {
      return sendAcrossIpc(reply, `the reply of ipcMain.handle('${channel}')`)
    } catch (error) {
      throw new Error(
        `Error invoking remote method '${channel}': Error: ${(error as Error).message}`,
        { cause: error },
      )
    }
  }
}

export const ipcMainInstance = new IpcMain()
export const ipcMain = guarded('ipcMain', ipcMainInstance)
