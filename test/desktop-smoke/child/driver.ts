/**
 * The child process of the smoke test: loads a main-process script (the built
 * `out/main/index.js`) against the stand-in `electron`, makes the app ready as Electron does once
 * the script ran, and carries out the test's commands. Started by smoke-app.ts with
 * `--import register.ts`.
 */
import { pathToFileURL } from 'node:url'
import type { ChildMessage, CommandMessage, SmokeConfig } from '../messages.ts'
import { appInstance } from '../stand-in/app.ts'
import { violate } from '../stand-in/rules.ts'
import { configure } from '../stand-in/state.ts'
import { runCommand } from './commands.ts'
import { ignoreAbortFor } from './fetch-without-abort.ts'
import { listenInPages } from './pages.ts'

const config = JSON.parse(process.env.PARALLAX_SMOKE_CONFIG ?? 'null') as SmokeConfig

function send(message: ChildMessage, done?: () => void): void {
  if (process.send && process.connected) process.send(message, undefined, {}, () => done?.())
  else done?.()
}

configure(config, {
  report: (message) => send(message),
  exit: (code, how) => {
    send({ type: 'exit', code, how }, () => process.exit(code))
    setTimeout(() => process.exit(code), 2_000).unref()
  },
})
process.on('uncaughtException', (error) => violate('uncaught', error.stack ?? String(error)))
process.on('unhandledRejection', (reason) =>
  violate('uncaught', `unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`),
)
process.on('message', (message: CommandMessage) => {
  runCommand(message, config).then(
    (value) => send({ type: 'reply', id: message.id, ok: true, value }),
    (error: unknown) =>
      send({ type: 'reply', id: message.id, ok: false, error: (error as Error).message }),
  )
})
ignoreAbortFor(config.ignoreAbortOrigins)
listenInPages(config.page.bridge, config.page.events)
process.argv = [process.execPath, config.appPath, ...config.argv]

await import(pathToFileURL(config.main).href)
// Electron emits `ready` once the main script's synchronous part has run.
appInstance.becomeReady()
send({ type: 'loaded' })
