import { acquireDataDirLock } from '../../src/core/data-dir-lock'

/** Child process for the lock tests: takes the data folder, says so, and holds it until killed. */
const dir = process.argv[2]
if (!dir) throw new Error('usage: hold-data-dir-lock.ts DIR')
acquireDataDirLock(dir, { kind: 'cli' })
process.stdout.write(`holding ${process.pid}\n`)
setInterval(() => {}, 60_000)
