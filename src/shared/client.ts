import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from './contract'
import type { RpcResult } from './rpc-result'

/** What the renderer uses to talk to whichever host it runs in. */
export interface ParallaxClient {
  readonly host: 'electron' | 'web'
  invoke<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
  ): Promise<RpcResult<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}

/** The untyped surface the Electron preload exposes; the renderer wraps it in a ParallaxClient. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
}

/** The global name the preload exposes its bridge under (`window.parallax`). */
export const BRIDGE_GLOBAL = 'parallax'

export const IPC_RPC_CHANNEL = 'parallax:rpc'
export const IPC_EVENT_CHANNEL = 'parallax:event'
