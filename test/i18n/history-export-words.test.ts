import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/core/create-core'
import { createDispatcher, type Dispatch } from '../../src/shared/dispatch'
import { exportRequest } from '../../src/renderer/src/history/export-request'
import { createTranslate } from '../../src/renderer/src/i18n/i18n'
import { okValue, openTestCore } from '../support/test-core'

type Exported = { fileName: string; content: string }

describe('history.export in the person’s language and time zone', () => {
  let dir: string
  let core: Core
  let call: Dispatch<void>
  let id: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-export-words-'))
    core = await openTestCore(dir)
    call = createDispatcher(core.handlers)
    const history = core.history
    id = history.createConversation({ title: 'Embeddings', mode: 'chat' }).id
    const message = history.addMessage({ conversationId: id, content: 'Which embedding model?' })
    const run = history.createRun({
      messageId: message.id,
      provider: 'openai',
      model: 'gpt-4.1',
      parameters: { temperature: 0.2 },
      systemPrompt: 'Be brief.',
    })
    history.finishRun(run.id, {
      status: 'stopped',
      answer: 'text-embedding-3-large.',
      ttftMs: 420,
      totalMs: 1300,
      usage: { tokensIn: 12, tokensOut: 40 },
      tokensPerSecond: 30.8,
      costUsd: 0.00012,
      costEstimated: true,
    })
  })
  afterAll(async () => {
    await core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const exported = async (input: Parameters<Dispatch<void>>[1]) =>
    okValue<Exported>(await call('history.export', input))

  it('words a Markdown export with the Korean UI’s labels', async () => {
    const ko = createTranslate('ko')
    const { content } = await exported(exportRequest(ko, 'markdown', [id]))
    expect(content).toMatch(/^_모드: 채팅 · 만든 시각: \d{4}-/m)
    expect(content).toMatch(/^## 나 · \d{4}-/m)
    expect(content).toContain('### gpt-4.1 (openai) · 중지됨')
    expect(content).toContain(
      '- 지표: 첫 토큰 420ms · 총 시간 1.30초 · 토큰 입력 12, 출력 40 · 초당 30.8 토큰 · 비용 약 $0.000120(추정)',
    )
    expect(content).toContain('- 파라미터: temperature 0.2')
    expect(content).toContain('<summary>시스템 프롬프트</summary>')
    for (const english of ['Mode:', 'Created:', 'You ·', 'Metrics:', 'Parameters:', 'stopped'])
      expect(content).not.toContain(english)
  })

  it('stays English for a caller that sends no labels', async () => {
    const { content } = await exported({ format: 'markdown', conversationIds: [id] })
    expect(content).toContain('- Metrics: first token 420 ms · total 1.30 s')
    expect(content).toContain('### gpt-4.1 (openai) · stopped')
    const english = await exported(exportRequest(createTranslate('en'), 'markdown', [id]))
    expect(english.content).toBe(content)
  })

  it('names the file in the time zone sent, and the host’s for one that is not a zone', async () => {
    const stamp = (name: string) => /-(\d{4}-\d{2}-\d{2}-\d{4})\.json$/.exec(name)?.[1]
    const seoul = await exported({ format: 'json', timeZone: 'Asia/Seoul' })
    const angeles = await exported({ format: 'json', timeZone: 'America/Los_Angeles' })
    // Seoul is 16 or 17 hours ahead of Los Angeles: the hour (at least) differs.
    expect(stamp(seoul.fileName)).toBeDefined()
    expect(stamp(seoul.fileName)).not.toBe(stamp(angeles.fileName))
    const host = await exported({ format: 'json' })
    const unknown = await exported({ format: 'json', timeZone: 'Not/A_Zone' })
    expect(stamp(unknown.fileName)).toBe(stamp(host.fileName))
  })
})
