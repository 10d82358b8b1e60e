import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  asksForAnotherFolder,
  dataDirFlag,
  launchRequest,
  requestedDataDir,
  unpackagedUserDataDir,
} from './launch-args'

const defaultDir = resolve('/home/me/.config/Parallax')

describe('launch arguments and the second instance', () => {
  it('reads --data-dir in both spellings', () => {
    expect(dataDirFlag(['electron', '.', '--data-dir', '/d'])).toBe('/d')
    expect(dataDirFlag(['electron', '.', '--data-dir=/e'])).toBe('/e')
    expect(dataDirFlag(['electron', '.'])).toBeUndefined()
  })

  it('a launch sends only a folder it was explicitly given', () => {
    const dir = resolve('/data/other')
    expect(launchRequest({ dir, source: 'flag', defaultDir })).toEqual({ dataDir: dir })
    expect(launchRequest({ dir, source: 'env', defaultDir })).toEqual({ dataDir: dir })
    expect(launchRequest({ dir, source: 'chosen', defaultDir })).toEqual({})
    expect(launchRequest({ dir: defaultDir, source: 'default', defaultDir })).toEqual({})
    expect(launchRequest(undefined)).toEqual({})
  })

  it('the running instance learns the folder from additionalData, else from argv', () => {
    const other = resolve('/data/other')
    expect(requestedDataDir({ dataDir: other }, [], '/')).toBe(other)
    expect(requestedDataDir({}, ['parallax', '--data-dir', 'rel'], resolve('/work'))).toBe(
      join(resolve('/work'), 'rel'),
    )
    expect(requestedDataDir(null, ['parallax'], '/')).toBeUndefined()
    expect(requestedDataDir({ dataDir: 'relative' }, [], '/')).toBeUndefined()
  })

  it('only another folder than the one in use calls for the "quit first" dialog', () => {
    expect(asksForAnotherFolder(undefined, defaultDir)).toBe(false)
    expect(asksForAnotherFolder(join(defaultDir, '.'), defaultDir)).toBe(false)
    expect(asksForAnotherFolder(resolve('/data/other'), defaultDir)).toBe(true)
  })

  it('a packaged app never moves userData; an unpackaged one takes an absolute --user-data-dir', () => {
    const profile = resolve('/tmp/profile')
    const argv = ['electron', '.', `--user-data-dir=${profile}`]
    expect(unpackagedUserDataDir(true, argv)).toBeUndefined()
    expect(unpackagedUserDataDir(false, argv)).toBe(profile)
    expect(unpackagedUserDataDir(false, ['electron', '.'])).toBeUndefined()
    expect(unpackagedUserDataDir(false, ['--user-data-dir=relative/profile'])).toBeUndefined()
  })
})
