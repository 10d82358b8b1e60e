import { describe, expect, it } from 'vitest'
import { providers } from '../../packages/llm/src/index'
import { messagesEn } from '../../src/renderer/src/i18n/messages-en'

describe('provider field texts in the renderer', () => {
  it('has a label and help for every credential field every provider sends, matching the host’s English', () => {
    const messages = messagesEn as Record<string, string>
    for (const provider of providers) {
      for (const field of provider.fields) {
        const key = `field.${provider.id}.${field.name}`
        expect(messages[`${key}.label`], key).toBe(field.label)
        expect(messages[`${key}.help`], key).toBe(field.help)
      }
    }
  })
})
