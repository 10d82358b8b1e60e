import { appInstance } from '../stand-in/app.ts'
import { state } from '../stand-in/state.ts'
import type { StandInWebContents } from '../stand-in/web-contents.ts'

type Bridge = { on?: (event: string, listener: (payload: unknown) => void) => unknown }

/** Listens, like the renderer does, to contract events through each page's preload bridge. */
export function listenInPages(bridgeName: string, events: readonly string[]): void {
  appInstance.on('web-contents-created', (_event: unknown, contents: StandInWebContents) => {
    contents.on('page-ready', () => {
      const bridge = contents.page?.mainWorld[bridgeName] as Bridge | undefined
      if (typeof bridge?.on !== 'function') return
      for (const event of events) {
        bridge.on(event, (payload) =>
          state.report({ type: 'page-event', window: contents.id, event, payload }),
        )
      }
    })
  })
}
