import { describe, expect, it } from 'vitest'
import { exportFileName, MAX_SLUG_BYTES, titleSlug } from './export-file-name'

// Built from local fields, so the expected stamp holds in any time zone.
const at = new Date(2026, 0, 31, 9, 5, 42)
const ID = '0190f5a2-7c3e-7a11-9c2d-5b6e7f809a1b'
const one = (title: string) => ({ kind: 'conversation' as const, id: ID, title })

describe('exportFileName', () => {
  it('names one conversation by its title and the local minute', () => {
    expect(exportFileName(one('Embedding models compared'), 'markdown', at)).toBe(
      'parallax-embedding-models-compared-2026-01-31-0905.md',
    )
    expect(exportFileName(one('Embedding models compared'), 'json', at)).toBe(
      'parallax-embedding-models-compared-2026-01-31-0905.json',
    )
  })

  it('names everything "history-all", and a few chosen ones by their count', () => {
    expect(exportFileName({ kind: 'all' }, 'json', at)).toBe(
      'parallax-history-all-2026-01-31-0905.json',
    )
    expect(exportFileName({ kind: 'several', count: 3 }, 'markdown', at)).toBe(
      'parallax-history-3-conversations-2026-01-31-0905.md',
    )
  })

  it('gives different exports different names', () => {
    const later = new Date(2026, 0, 31, 9, 6)
    const names = new Set([
      exportFileName(one('Plan'), 'json', at),
      exportFileName(one('Other plan'), 'json', at),
      exportFileName(one('Plan'), 'json', later),
      exportFileName({ kind: 'all' }, 'json', at),
      exportFileName(one('Plan'), 'markdown', at),
    ])
    expect(names.size).toBe(5)
  })

  it('pads the stamp and uses local, not UTC, fields', () => {
    const newYear = new Date(2027, 0, 1, 0, 3)
    expect(exportFileName({ kind: 'all' }, 'json', newYear)).toBe(
      'parallax-history-all-2027-01-01-0003.json',
    )
  })

  it("uses the person's time zone: one instant, two zones, two names", () => {
    const instant = new Date(Date.UTC(2026, 0, 31, 23, 30))
    expect(exportFileName({ kind: 'all' }, 'json', instant, 'Asia/Seoul')).toBe(
      'parallax-history-all-2026-02-01-0830.json',
    )
    expect(exportFileName({ kind: 'all' }, 'json', instant, 'America/New_York')).toBe(
      'parallax-history-all-2026-01-31-1830.json',
    )
    expect(exportFileName({ kind: 'all' }, 'json', instant, 'UTC')).toBe(
      'parallax-history-all-2026-01-31-2330.json',
    )
  })

  it("falls back to the host's zone when the zone is not one", () => {
    for (const zone of ['Mars/Olympus_Mons', '', '+09:00x', 'Asia/Seoul; rm -rf /'])
      expect(exportFileName({ kind: 'all' }, 'json', at, zone)).toBe(
        'parallax-history-all-2026-01-31-0905.json',
      )
  })

  it('falls back to the id when the title leaves nothing', () => {
    expect(exportFileName(one(''), 'json', at)).toBe(`parallax-${ID}-2026-01-31-0905.json`)
    expect(exportFileName(one('???///...'), 'json', at)).toBe(`parallax-${ID}-2026-01-31-0905.json`)
  })
})

describe('titleSlug', () => {
  it('drops characters Windows reserves and control characters', () => {
    expect(titleSlug('a<b>c:d"e/f\\g|h?i*j')).toBe('a-b-c-d-e-f-g-h-i-j')
    expect(titleSlug('tab\there\u0000nul\u001fus\u007fdel\u0085nel')).toBe(
      'tab-here-nul-us-del-nel',
    )
  })

  it('keeps letters of every script, lower-cases, and joins words with one hyphen', () => {
    expect(titleSlug('임베딩 모델 비교')).toBe('임베딩-모델-비교')
    expect(titleSlug('機械学習 と データ')).toBe('機械学習-と-データ')
    expect(titleSlug('Café  crème — Ünïcode')).toBe('café-crème-ünïcode')
    expect(titleSlug('GPT-5 vs. Claude 4.5 🚀')).toBe('gpt-5-vs-claude-4-5')
  })

  it('stores decomposed letters composed (macOS sends NFD)', () => {
    expect(titleSlug('cafe\u0301')).toBe('caf\u00e9')
    expect(titleSlug('\u1100\u1161')).toBe('가')
  })

  it('ends with neither a dot, a space nor a hyphen', () => {
    expect(titleSlug('notes...')).toBe('notes')
    expect(titleSlug('  spaced out   ')).toBe('spaced-out')
    expect(titleSlug('.hidden')).toBe('hidden')
  })

  it('never is a Windows device name', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt²']) {
      const slug = titleSlug(name)
      expect(slug).toBe(`${name.toLowerCase()}_`)
    }
    expect(titleSlug('console')).toBe('console')
    expect(titleSlug('con.txt')).toBe('con-txt')
  })

  it('is at most 80 UTF-8 bytes, cut between characters', () => {
    const long = 'word '.repeat(40)
    const latin = titleSlug(long)
    expect(new TextEncoder().encode(latin).length).toBeLessThanOrEqual(MAX_SLUG_BYTES)
    expect(latin).toMatch(/^word(-word)*$/)

    // 3 bytes a syllable: 26 fit in 80 bytes, and no syllable is cut in half.
    const korean = titleSlug('가'.repeat(100))
    expect(korean).toBe('가'.repeat(26))

    // A letter with a combining mark stays whole.
    const marked = titleSlug('e\u0328\u0301'.repeat(40))
    expect(new TextEncoder().encode(marked).length).toBeLessThanOrEqual(MAX_SLUG_BYTES)
    expect(marked.normalize('NFD').endsWith('\u0328\u0301')).toBe(true)
  })

  it('is empty when nothing is left', () => {
    expect(titleSlug('')).toBe('')
    expect(titleSlug(' <>:"/\\|?* ')).toBe('')
    expect(titleSlug('🙂🙂')).toBe('')
  })
})
