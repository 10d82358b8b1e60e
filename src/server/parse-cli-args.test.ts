import { describe, expect, it } from 'vitest'
import { CliUsageError, parseServeArgs } from './parse-cli-args'

describe('parseServeArgs', () => {
  it('defaults to a free port and the default data folder', () => {
    expect(parseServeArgs([])).toEqual({
      port: 0,
      dataDir: undefined,
      connectionsFile: undefined,
      help: false,
    })
  })

  it('reads --port and --data-dir in both spellings, with or without "serve"', () => {
    expect(parseServeArgs(['serve', '--port', '8123', '--data-dir', '/tmp/p'])).toEqual({
      port: 8123,
      dataDir: '/tmp/p',
      connectionsFile: undefined,
      help: false,
    })
    expect(parseServeArgs(['--connections', 'demo.json'])).toMatchObject({
      connectionsFile: 'demo.json',
    })
    expect(parseServeArgs(['--port=0', '--data-dir=rel/dir'])).toMatchObject({
      port: 0,
      dataDir: 'rel/dir',
    })
  })

  it.each([
    [['--port', 'abc'], /Invalid --port "abc"/],
    [['--port', '70000'], /0 to 65535/],
    [['--port', '-1'], /needs a value|Invalid --port/],
    [['--port'], /--port needs a value/],
    [['--data-dir'], /--data-dir needs a value/],
    [['--data-dir='], /needs a folder path/],
    [['--verbose'], /Unknown option "--verbose"/],
    [['--connections'], /--connections needs a value/],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(CliUsageError)
    expect(() => parseServeArgs(argv)).toThrow(message)
  })
})
