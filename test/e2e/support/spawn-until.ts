import { spawn, type ChildProcess } from 'node:child_process'

/**
 * Starts `node <args>` and resolves once its output matches `ready`, with the match and all it
 * prints (stdout and stderr, from the start); fails with everything it printed when it exits or
 * takes longer than `timeoutMs`.
 */
export async function spawnUntil(
  args: string[],
  ready: RegExp,
  timeoutMs = 15_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
  let output = ''
  const match = await new Promise<RegExpExecArray>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`${args[0]} did not start:\n${output}`)),
      timeoutMs,
    )
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const found = ready.exec(output)
      if (found) {
        clearTimeout(timer)
        done(found)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => fail(new Error(`${args[0]} exited with ${code}:\n${output}`)))
  })
  // onData stays attached: `output` keeps everything, also what came with the ready line.
  return { child, match, output: () => output }
}

/** Stops a child started by spawnUntil and waits for it to exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}
