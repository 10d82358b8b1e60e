import { describe, expect, it } from 'vitest'
import { CliUsageError, parseServeArgs, SERVE_USAGE } from './parse-cli-args'

describe('parseServeArgs', () => {
  it('leaves the port to the data folder (its last one, else a free one) and keeps the token', () => {
    expect(parseServeArgs([])).toEqual({
      port: undefined,
      dataDir: undefined,
      connectionsFile: undefined,
      passphrase: false,
      acceptDataDir: false,
      newToken: false,
      help: false,
    })
  })

  it('reads --new-token as a flag that takes no value', () => {
    expect(parseServeArgs(['serve', '--new-token'])).toMatchObject({ newToken: true })
    expect(parseServeArgs(['--new-token', '--port', '9'])).toMatchObject({
      newToken: true,
      port: 9,
    })
    expect(() => parseServeArgs(['--new-token=yes'])).toThrow(/--new-token takes no value/)
    expect(SERVE_USAGE).toMatch(/^ {2}--new-token {5}make a new access token/m)
  })

  it('reads --port and --data-dir in both spellings, with or without "serve"', () => {
    expect(parseServeArgs(['serve', '--port', '8123', '--data-dir', '/tmp/p'])).toEqual({
      port: 8123,
      dataDir: '/tmp/p',
      connectionsFile: undefined,
      passphrase: false,
      acceptDataDir: false,
      newToken: false,
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

  it('reads --passphrase as a flag: the passphrase itself never comes from the command line', () => {
    expect(parseServeArgs(['serve', '--passphrase'])).toMatchObject({ passphrase: true })
    expect(parseServeArgs(['--passphrase', '--port', '9'])).toMatchObject({
      passphrase: true,
      port: 9,
    })
  })

  it('reads --accept-data-dir as a flag that cannot go with --data-dir', () => {
    expect(parseServeArgs(['serve', '--accept-data-dir'])).toMatchObject({ acceptDataDir: true })
    expect(parseServeArgs(['--accept-data-dir', '--port', '9'])).toMatchObject({
      acceptDataDir: true,
      port: 9,
    })
    expect(() => parseServeArgs(['--accept-data-dir', '--data-dir', '/tmp/p'])).toThrow(
      /cannot be used with --data-dir/,
    )
    expect(() => parseServeArgs(['--accept-data-dir=yes'])).toThrow(/takes no value/)
  })

  it.each([
    [['--passphrase=hunter2-secret'], 'hunter2-secret'],
    [['--passphrase', 'hunter2-secret'], 'hunter2-secret'],
    [['--passphrase', 'hunter2-secret', '--port', '1'], 'hunter2-secret'],
    [['--passphrase', '-starts-with-a-dash'], 'starts-with-a-dash'],
  ])('refuses a value after --passphrase without repeating it: %j', (argv, secret) => {
    const error = (() => {
      try {
        parseServeArgs(argv)
      } catch (caught) {
        return caught as Error
      }
      throw new Error('expected a usage error')
    })()
    expect(error).toBeInstanceOf(CliUsageError)
    expect(error.message).toMatch(/--passphrase takes no value.*PARALLAX_VAULT_PASSPHRASE/)
    expect(error.message).not.toContain(secret)
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
