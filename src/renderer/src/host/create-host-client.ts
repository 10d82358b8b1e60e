import { BRIDGE_GLOBAL, type ParallaxClient, type PreloadBridge } from '../../../shared/client'
import { createIpcClient } from './ipc-client'
import { createWebClient } from './web-client'
import { wordFailures } from './word-failures'

/** The Electron preload exposes a bridge; without one the page was served by the web host. */
export function createHostClient(): ParallaxClient {
  const bridge = (window as unknown as Record<string, PreloadBridge | undefined>)[BRIDGE_GLOBAL]
  return wordFailures(bridge ? createIpcClient(bridge) : createWebClient())
}
