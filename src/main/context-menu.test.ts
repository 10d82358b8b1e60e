import { describe, expect, it, vi } from 'vitest'
import { contextMenuTemplate, type ContextMenuInput } from './context-menu'
import { desktopTranslate } from './desktop-text'

const flags = {
  canUndo: false,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
}
const plain: ContextMenuInput = {
  isEditable: false,
  selectionText: '',
  misspelledWord: '',
  dictionarySuggestions: [],
  editFlags: flags,
}
const en = desktopTranslate('en')
const noSpelling = { replace: () => undefined, addToDictionary: () => undefined }
const summary = (items: ReturnType<typeof contextMenuTemplate>) =>
  items.map((item) => (item.type === 'separator' ? '---' : `${item.role ?? 'click'}:${item.label}`))

describe('contextMenuTemplate', () => {
  it('offers Cut, Copy, Paste and Select All in a field, as the edit flags allow', () => {
    const items = contextMenuTemplate(
      { ...plain, isEditable: true, editFlags: { ...flags, canCut: false, canCopy: false } },
      en,
      noSpelling,
    )
    expect(summary(items)).toEqual([
      'cut:Cut',
      'copy:Copy',
      'paste:Paste',
      '---',
      'selectAll:Select All',
    ])
    expect(items.map((item) => item.enabled)).toEqual([false, false, true, undefined, true])
  })

  it('offers Copy on selected text, and no menu on nothing', () => {
    expect(summary(contextMenuTemplate({ ...plain, selectionText: 'hi' }, en, noSpelling))).toEqual(
      ['copy:Copy', '---', 'selectAll:Select All'],
    )
    expect(contextMenuTemplate(plain, en, noSpelling)).toEqual([])
  })

  it('puts spelling suggestions and Add to Dictionary first, and they act on the page', () => {
    const spelling = { replace: vi.fn(), addToDictionary: vi.fn() }
    const items = contextMenuTemplate(
      {
        ...plain,
        isEditable: true,
        misspelledWord: 'teh',
        dictionarySuggestions: ['the', 'tech', 'ten', 'tea', 'tee', 'toe'],
      },
      en,
      spelling,
    )
    expect(summary(items).slice(0, 8)).toEqual([
      'click:the',
      'click:tech',
      'click:ten',
      'click:tea',
      'click:tee',
      '---',
      'click:Add to Dictionary',
      '---',
    ])
    const click = (label: string) =>
      (items.find((item) => item.label === label)?.click as () => void)()
    click('tech')
    click('Add to Dictionary')
    expect(spelling.replace).toHaveBeenCalledWith('tech')
    expect(spelling.addToDictionary).toHaveBeenCalledWith('teh')
  })

  it('says when there is no suggestion, and words the menu in Korean', () => {
    const ko = desktopTranslate('ko')
    const items = contextMenuTemplate(
      { ...plain, isEditable: true, misspelledWord: 'qzx', dictionarySuggestions: [] },
      ko,
      noSpelling,
    )
    expect(items[0]).toMatchObject({ label: '추천 단어 없음', enabled: false })
    expect(summary(items)).toContain('copy:복사')
    expect(summary(items)).toContain('click:사전에 추가')
  })
})
