import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHistoryStore, type OpenedHistoryStore } from './index'

const IMAGE = {
  kind: 'image' as const,
  mediaType: 'image/png' as const,
  name: 'dot.png',
  data: 'iVBORw0KGgo=',
}

describe('images kept with prompts', () => {
  let dir: string
  let a: OpenedHistoryStore
  let b: OpenedHistoryStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-attach-'))
    a = openHistoryStore({ file: join(dir, 'a.sqlite') })
    b = openHistoryStore({ file: join(dir, 'b.sqlite') })
  })
  afterEach(() => {
    a.close()
    b.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('survives a reopen, an export and an import (twice, adding nothing)', () => {
    const conversation = a.createConversation({ title: 'pixels' })
    const withImage = a.addMessage({
      conversationId: conversation.id,
      content: 'What is this?',
      attachments: [IMAGE],
    })
    const plain = a.addMessage({ conversationId: conversation.id, content: 'And this?' })
    expect(a.getMessage(withImage.id).attachments).toEqual([IMAGE])
    expect(a.getMessage(plain.id).attachments).toEqual([])

    const exported = a.exportJson({})
    const messages = exported.conversations[0]?.messages ?? []
    expect(messages.find((m) => m.id === withImage.id)?.attachments).toEqual([IMAGE])
    expect(messages.find((m) => m.id === plain.id)).not.toHaveProperty('attachments')

    const text = JSON.stringify(exported)
    b.importJson(text)
    expect(b.getMessage(withImage.id).attachments).toEqual([IMAGE])
    expect(b.getMessage(plain.id).attachments).toEqual([])
    const again = b.importJson(JSON.parse(text))
    expect(again.messages.added).toBe(0)
    expect(b.getMessage(withImage.id).attachments).toEqual([IMAGE])
  })

  it('refuses an import whose image is not base64, naming the field, and keeps what is saved', () => {
    const conversation = a.createConversation({ title: 'bad' })
    a.addMessage({ conversationId: conversation.id, content: 'x', attachments: [IMAGE] })
    const broken = JSON.parse(JSON.stringify(a.exportJson({})))
    broken.conversations[0].messages[0].attachments[0].data = 'not base64!'
    expect(() => b.importJson(broken)).toThrow(/attachments/)
    expect(b.listConversations({ archived: 'all' }).items).toHaveLength(0)
  })
})
