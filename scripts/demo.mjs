// `npm run demo`: the keyless demo. Starts every fake provider (`out/fakes/cli.js`), then the web
// host with those fakes saved as connections, in a data folder of its own (not your real one).
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dataDir = process.env.PARALLAX_DEMO_DATA_DIR ?? join(tmpdir(), 'parallax-demo')
mkdirSync(dataDir, { recursive: true })
const file = join(mkdtempSync(join(tmpdir(), 'parallax-demo-')), 'connections.json')
const children = []

function start(args, onLine) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  let buffer = ''
  child.stdout.on('data', (chunk) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline))
      buffer = buffer.slice(newline + 1)
    }
  })
  child.on('exit', (code) => {
    if (code) process.exitCode = code
    stop()
  })
  return child
}

function stop() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
}

process.on('SIGINT', stop)
process.on('SIGTERM', stop)

start(['out/fakes/cli.js', '--json', file], (line) => {
  if (!line.startsWith('connections ')) return
  start(['out/server/cli.js', '--data-dir', dataDir, '--connections', file], (serverLine) =>
    console.log(serverLine),
  )
})
console.log(`Parallax demo: fake providers, data in ${dataDir}. Ctrl+C stops it.`)
