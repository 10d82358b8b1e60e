import type { ParallaxClient, PreloadBridge } from '../../../shared/client'
import type { EventName, EventPayload, MethodOutput } from '../../../shared/contract'
import type { RpcResult } from '../../../shared/rpc-result'

export function createIpcClient(bridge: PreloadBridge): ParallaxClient {
  return {
    host: 'electron',
    async invoke(method, input) {
      try {
        return (await bridge.invoke(method, input)) as RpcResult<MethodOutput<typeof method>>
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        return { ok: false, error: { kind: 'internal', message } }
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>))
    },
  }
}
