import { describe, expect, it } from 'vitest'
import { DataDirInUseError, VaultError } from '../core/index'
import { desktopTranslate } from './desktop-text'
import { startupFailureText } from './startup-failure'

const en = desktopTranslate('en')
const ko = desktopTranslate('ko')
const log = '/home/me/.config/Parallax/logs/startup.log'

describe('startupFailureText', () => {
  it('says plainly that the OS cannot encrypt keys, and where the log is', () => {
    const error = new VaultError('unavailable', 'Keys cannot be encrypted here: no keyring')
    const text = startupFailureText(error, { stage: 'start' }, en, log)
    expect(text).toMatch(/^Parallax cannot start because the operating system’s key store/)
    expect(text).toContain(`The details are in ${log}.`)
    expect(startupFailureText(error, { stage: 'start' }, ko, log)).toContain('OS 키체인')
  })

  it('names a data folder in use, and any other failure by its first line', () => {
    const inUse = new DataDirInUseError('/data/p', undefined)
    expect(startupFailureText(inUse, { stage: 'data-dir', dir: '/data/p' }, en, undefined)).toBe(
      'Another Parallax process is using the data folder /data/p; quit it, then start Parallax again.',
    )
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/data/p'\nstack"), {
      code: 'EACCES',
    })
    expect(startupFailureText(denied, { stage: 'data-dir', dir: '/data/p' }, en, undefined)).toBe(
      "Parallax could not open the data folder /data/p: EACCES: permission denied, mkdir '/data/p'.",
    )
    expect(startupFailureText(new Error('boom'), { stage: 'start' }, en, log)).toBe(
      `Parallax could not start: boom.\n\nThe details are in ${log}.`,
    )
  })
})
