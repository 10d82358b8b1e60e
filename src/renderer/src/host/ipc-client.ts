import type { ParallaxClient, PreloadBridge } from '../../../shared/client'
import type { EventName, EventPayload, MethodOutput } from '../../../shared/contract'
import type { RpcResult } from '../../../shared/rpc-result'
import { transportFailure } from './transport-failure'

export function createIpcClient(bridge: PreloadBridge): ParallaxClient {
  return {
    host: 'electron',
    async invoke(method, input) {
      try {
        return (await bridge.invoke(method, input)) as RpcResult<MethodOutput<typeof method>>
      } catch {
        // The main process is gone or refused the channel: Electron's text names its internals.
        return transportFailure('host_unreachable')
      }
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>))
    },
  }
}
