import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './open-history-store'
import type { SearchHit } from './search-history'
import { shortIndexText } from './search-text'

let dir: string
let store: OpenedHistoryStore
let clock = Date.UTC(2025, 0, 1)
const ids: Record<string, string> = {}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-history-search-'))
  store = openHistoryStore({ file: join(dir, 'history.db'), now: () => (clock += 60_000) })
  const c1 = store.createConversation({ title: '임베딩 모델 비교' })
  const c2 = store.createConversation({ title: 'Tokyo trip planning' })
  const add = (
    name: string,
    conversationId: string,
    prompt: string,
    answers: [string, string, string][],
  ) => {
    const m = store.addMessage({ conversationId, content: prompt })
    ids[name] = m.id
    answers.forEach(([provider, model, answer], i) => {
      const run = store.createRun({ messageId: m.id, provider, model })
      store.finishRun(run.id, { status: i === 1 ? 'stopped' : 'done', answer })
      ids[`${name}.${i}`] = run.id
    })
  }
  add('ko', c1.id, '한국어 문서를 검색할 때 어떤 모델을 써야 하나요?', [
    ['openai', 'gpt-4.1', '다국어 임베딩 모델이 좋습니다. 데이터베이스에 벡터를 저장하세요.'],
    ['anthropic', 'claude-sonnet', '검색 품질은 모델의 학습 데이터에 달려 있습니다.'],
  ])
  add('ja', c2.id, '東京で美味しいラーメン屋を教えてください', [
    ['google', 'gemini-2.5', '東京駅の近くに有名なラーメン屋があります。'],
  ])
  add('en', c2.id, 'Which model handles "quotes" and (parentheses) -well- in NEAR queries?', [
    ['openai', 'gpt-4.1', 'Every modern model handles quoted text; the AI is robust.'],
    ['openai', 'gpt-4.1-mini', 'A smaller model answered this one.'],
  ])
  for (let i = 0; i < 30; i++) {
    const m = store.addMessage({
      conversationId: c2.id,
      content: `filler prompt number ${i} about the model zoo`,
    })
    ids[`filler${i}`] = m.id
  }
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const texts = (query: Parameters<OpenedHistoryStore['search']>[0]) =>
  store.search(query).hits.map((h) => h.snippet.marked)

describe('search', () => {
  it('finds a Korean word of three or more syllables with a highlighted snippet', () => {
    const page = store.search({ query: '데이터베이스' })
    expect(page.hits).toHaveLength(1)
    expect(page.hits[0]).toMatchObject({
      kind: 'answer',
      runId: ids['ko.0'],
      provider: 'openai',
      model: 'gpt-4.1',
    })
    expect(page.hits[0]?.snippet.marked).toContain('«데이터베이스»에')
    const { text, highlights } = (page.hits[0] as SearchHit).snippet
    expect(highlights.map(([a, b]) => text.slice(a, b))).toEqual(['데이터베이스'])
  })

  it('finds the two-syllable 모델 inside 모델을, 모델이 and 모델의, newest first', () => {
    const page = store.search({ query: '모델' })
    expect(page.hits.map((h) => h.runId ?? h.messageId ?? h.conversationId)).toEqual([
      ids['ko.1'],
      ids['ko.0'],
      ids.ko,
      page.hits[3]?.conversationId,
    ])
    expect(page.hits.map((h) => h.kind)).toEqual(['answer', 'answer', 'prompt', 'title'])
    expect(page.hits[0]?.snippet.marked).toContain('«모델»의')
    expect(page.hits[2]?.snippet.marked).toContain('«모델»을')
  })

  it('finds Japanese words of two and more characters', () => {
    expect(texts({ query: 'ラーメン' })).toEqual([
      '東京駅の近くに有名な«ラーメン»屋があります。',
      '東京で美味しい«ラーメン»屋を教えてください',
    ])
    expect(store.search({ query: '東京' }).hits.map((h) => h.kind)).toEqual(['answer', 'prompt'])
    expect(store.search({ query: '京' }).hits).toHaveLength(2) // one character: prefix of a bigram
  })

  it('finds English words case-insensitively, all words or as a phrase', () => {
    expect(store.search({ query: 'MODERN' }).hits.map((h) => h.runId)).toEqual([ids['en.0']])
    expect(texts({ query: 'quoted text' })[0]).toContain('«quoted» «text»')
    expect(store.search({ query: 'text quoted', match: 'phrase' }).hits).toEqual([])
    expect(
      store.search({ query: 'quoted text', match: 'phrase' }).hits.map((h) => h.runId),
    ).toEqual([ids['en.0']])
  })

  it('matches one- and two-letter Latin words as whole words', () => {
    expect(store.search({ query: 'AI' }).hits.map((h) => h.runId)).toEqual([ids['en.0']])
    expect(texts({ query: 'AI' })[0]).toContain('the «AI» is')
  })

  it('treats FTS syntax as plain text and never throws', () => {
    for (const query of [
      '"',
      '""',
      '"quotes"',
      '(parentheses)',
      '-well-',
      'NEAR(a b)',
      'mod*',
      '*',
      'AND',
      'OR NOT',
      ':',
      '^',
      '{}',
      '\\',
      "'",
      '   ',
    ]) {
      expect(() => store.search({ query })).not.toThrow()
    }
    expect(store.search({ query: '"quotes"' }).hits.map((h) => h.messageId)).toEqual([ids.en])
    expect(store.search({ query: '(parentheses)' }).hits.map((h) => h.messageId)).toEqual([ids.en])
    expect(store.search({ query: '-well-' }).hits.map((h) => h.messageId)).toEqual([ids.en])
    expect(store.search({ query: 'NEAR' }).hits.map((h) => h.messageId)).toEqual([ids.en])
    expect(store.search({ query: 'mod*' }).hits).toEqual([])
    expect(store.search({ query: '' }).hits).toEqual([])
  })

  it('filters by provider, model, status, kind and date', () => {
    expect(
      store
        .search({ query: '모델', kinds: ['answer'], provider: 'anthropic' })
        .hits.map((h) => h.runId),
    ).toEqual([ids['ko.1']])
    expect(
      store
        .search({ query: 'model', model: 'gpt-4.1-mini' })
        .hits.map((h) => h.runId ?? h.messageId),
    ).toEqual([
      ids['en.1'],
      ids.en, // the prompt whose answers include a gpt-4.1-mini run
    ])
    expect(
      store
        .search({ query: '모델', status: 'stopped', kinds: ['answer'] })
        .hits.map((h) => h.runId),
    ).toEqual([ids['ko.1']])
    expect(store.search({ query: '모델', provider: ['google'] }).hits).toEqual([])
    const prompt = store.getMessage(ids.en as string)
    const inRange = store.search({ query: 'model', from: prompt.createdAt, to: prompt.createdAt })
    expect(inRange.hits.map((h) => h.messageId)).toEqual([ids.en])
  })

  it('pages newest first with a cursor', () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = store.search({ query: 'filler', limit: 7, cursor })
      seen.push(...page.hits.map((h) => h.messageId as string))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(5)
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => ids[`filler${29 - i}`]))
    const times = store.search({ query: 'model', limit: 100 }).hits.map((h) => h.createdAt)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(() => store.search({ query: 'x', cursor: '%%%' })).toThrow(/cursor/)
  })

  it('returns a partial page with a cursor when the work budget runs out', () => {
    const other = openHistoryStore({ file: join(dir, 'budget.db') })
    const c = other.createConversation({ title: 'budget' })
    for (let i = 0; i < 100; i++) other.addMessage({ conversationId: c.id, content: `needle ${i}` })
    const partial = other.search({ query: 'needle', kinds: ['title'], budgetMs: -1 })
    expect(partial).toMatchObject({ hits: [], partial: true })
    expect(partial.nextCursor).not.toBeNull()
    const rest = other.search({ query: 'needle', kinds: ['title'], cursor: partial.nextCursor })
    expect(rest).toEqual({ hits: [], nextCursor: null, partial: false })
    expect(other.search({ query: 'needle', limit: 100 }).hits).toHaveLength(100)
    other.close()
  })

  it('derives CJK bigrams and short words for the short index', () => {
    expect(shortIndexText('모델을 써요')).toBe('모델 델을 을 써요 요')
    expect(shortIndexText('the AI is ok')).toBe('AI is ok')
    expect(shortIndexText('GPT에게 물어봐')).toBe('에게 게 물어 어봐 봐')
    // Characters outside the BMP, combining marks, CJK symbols that are not letters.
    expect(shortIndexText('𠀀𠀁 a')).toBe('𠀀𠀁 𠀁 a')
    expect(shortIndexText('x\u0301 é ok')).toBe('x\u0301 é ok')
    expect(shortIndexText('漢⺀字 ab')).toBe('漢⺀ ⺀字 字 ab')
    expect(shortIndexText('ーー々 〆a')).toBe('ーー ー々 々 〆 a')
    expect(shortIndexText('Ωμ 日本語 1 22 333')).toBe('日本 本語 語 Ωμ 1 22')
    expect(shortIndexText('a\u{1F600}b')).toBe('a b')
  })
})
