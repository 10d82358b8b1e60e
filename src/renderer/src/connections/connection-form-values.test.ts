import { describe, expect, it } from 'vitest'
import { createConnectionsHost, fakeProviders } from './fake-client'
import { defaultLabel, errorTarget, updateInput } from './connection-form-values'

const [openai] = fakeProviders
if (!openai) throw new Error('fake providers missing')

describe('connection form values', () => {
  it('puts host errors on the field whether or not the name has the fields. prefix', () => {
    expect(errorTarget('fields.apiKey', openai)).toEqual({ kind: 'field', name: 'apiKey' })
    expect(errorTarget('apiKey', openai)).toEqual({ kind: 'field', name: 'apiKey' })
    expect(errorTarget('label', openai)).toEqual({ kind: 'label' })
    expect(errorTarget('provider', openai)).toEqual({ kind: 'provider' })
    expect(errorTarget('fields.region', openai)).toEqual({ kind: 'form' })
    expect(errorTarget(undefined, openai)).toEqual({ kind: 'form' })
  })

  it('suggests the provider name as label, numbered when it is taken', () => {
    const host = createConnectionsHost()
    expect(defaultLabel(openai, host.connections())).toBe('OpenAI')
    host.seed('openai', 'OpenAI', {})
    expect(defaultLabel(openai, host.connections())).toBe('OpenAI 2')
    host.seed('openai', 'OpenAI 2', {})
    expect(defaultLabel(openai, host.connections())).toBe('OpenAI 3')
  })

  it('sends nothing for an untouched edit and null for a secret marked for removal', () => {
    const host = createConnectionsHost()
    const saved = host.seed('openai', 'Work', {
      apiKey: 'sk-proj-abcdefgh9xyz',
      baseURL: 'https://x/v1',
    })
    const untouched = { apiKey: '', baseURL: 'https://x/v1', organization: '' }
    expect(updateInput(saved, openai, 'Work ', untouched, new Set())).toBeNull()
    expect(
      updateInput(saved, openai, 'Work', { ...untouched, apiKey: 'typed' }, new Set(['apiKey'])),
    ).toEqual({
      id: saved.id,
      fields: { apiKey: null },
    })
  })
})
