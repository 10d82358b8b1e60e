import { describe, expect, it } from 'vitest'
import { describeSafeStorage } from '../../src/core/vault/safe-storage-adapter'
import { PASSPHRASE_NOTE } from '../../src/core/vault/vault-keys'
import { createTranslate } from '../../src/renderer/src/i18n/i18n'
import { VAULT_NOTE_CODES } from '../../src/shared/vault-schemas'
import {
  VAULT_NOTE_SENTENCES,
  wordVaultNote,
} from '../../src/renderer/src/settings/vault-status-text'

const ko = createTranslate('ko')
const en = createTranslate('en')

// How the key vault keeps keys is the host's English note; the page words its code instead.
describe('the vault note in the page language', () => {
  const notes = [
    describeSafeStorage({ platform: 'linux', available: false }),
    describeSafeStorage({ platform: 'linux', available: true, backend: 'basic_text' }),
    describeSafeStorage({ platform: 'linux', available: true, backend: 'gnome_libsecret' }),
    describeSafeStorage({ platform: 'darwin', available: true }),
    describeSafeStorage({ platform: 'win32', available: true }),
    describeSafeStorage({ platform: 'freebsd', available: true }),
    { ...PASSPHRASE_NOTE },
  ]

  it('has a sentence for every code', () => {
    expect(Object.keys(VAULT_NOTE_SENTENCES).sort()).toEqual([...VAULT_NOTE_CODES].sort())
  })

  it.each(notes.map((note) => [note.noteCode, note] as const))('%s reads in Korean', (_, note) => {
    const text = wordVaultNote(note, ko, 'ko')
    expect(text).toMatch(/[가-힣]/)
    expect(text).not.toMatch(/[{}]|Keys are|keyring was/)
  })

  it('names the Linux keyring the host found', () => {
    const note = describeSafeStorage({ platform: 'linux', available: true, backend: 'kwallet6' })
    expect(wordVaultNote(note, ko, 'ko')).toBe('키는 kwallet6에 보관된 키로 암호화됩니다.')
  })

  it('shows the host’s English only on an English page, for a code it does not know', () => {
    const newer = { note: 'Keys are kept in a newer place.', noteCode: 'from_a_newer_host' }
    expect(wordVaultNote(newer, en, 'en')).toBe('Keys are kept in a newer place.')
    expect(wordVaultNote(newer, ko, 'ko')).toBeUndefined()
  })
})
