import { describe, expect, it } from 'vitest'
import { newPassphraseProblem, passphraseLength } from './new-passphrase'

describe('newPassphraseProblem', () => {
  it('counts characters as the vault does: code points after NFC', () => {
    expect(passphraseLength('🔑🔑')).toBe(2)
    // "한" typed as three jamo (NFD) is one syllable.
    expect(passphraseLength('\u1112\u1161\u11ab')).toBe(1)
  })

  it('wants a non-empty passphrase of 8+ characters, typed the same twice', () => {
    expect(newPassphraseProblem('', '')).toBe('connections.vault.unlock.empty')
    expect(newPassphraseProblem('1234567', '1234567')).toBe('connections.vault.unlock.tooShort')
    expect(newPassphraseProblem('한국어암호문구다', 'x')).toBe('connections.vault.unlock.mismatch')
    expect(newPassphraseProblem('한국어암호문구다', '한국어암호문구다')).toBe(null)
  })
})
