import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import {
  BRIDGE_GLOBAL,
  IPC_EVENT_CHANNEL,
  IPC_RPC_CHANNEL,
  type PreloadBridge,
} from '../shared/client'

/** One small generic forwarder; the raw ipcRenderer never reaches the page. */
const bridge: PreloadBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_RPC_CHANNEL, String(method), input),
  on: (event, listener) => {
    const name = String(event)
    const forward = (_sender: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) listener(payload)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward)
    }
  },
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
