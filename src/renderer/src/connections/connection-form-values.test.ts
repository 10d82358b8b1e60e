import { describe, expect, it } from 'vitest'
import { createConnectionsHost } from '../test-support/connections-host'
import { providerNamed } from '../test-support/providers'
import {
  addressLeavesDomain,
  defaultLabel,
  draftTestInput,
  errorTarget,
  updateInput,
} from './connection-form-values'

const openai = providerNamed('openai')
const bedrock = providerNamed('bedrock')

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

  it('knows when an edited address leaves the saved key’s server (not a region, not a path)', () => {
    const host = createConnectionsHost()
    const proxy = host.seed('openai', 'Proxy', { apiKey: 'k', baseURL: 'https://proxy.example/v1' })
    const moved = (values: Record<string, string>) => addressLeavesDomain(openai, proxy, values)
    expect(moved({ baseURL: 'https://proxy.example/v2' })).toBe(false)
    expect(moved({ baseURL: 'https://proxy.example:8443/v1' })).toBe(true)
    expect(moved({ baseURL: 'http://proxy.example/v1' })).toBe(true)
    expect(moved({ baseURL: '' })).toBe(true)
    const aws = host.seed('bedrock', 'AWS', { region: 'us-east-1', secretAccessKey: 's' })
    expect(addressLeavesDomain(bedrock, aws, { region: 'eu-west-3' })).toBe(false)
  })

  it('sends the metadata acknowledgement only with a change', () => {
    const host = createConnectionsHost()
    const saved = host.seed('openai', 'Work', { apiKey: 'k' })
    const values = { apiKey: '', baseURL: 'https://169.254.169.254/', organization: '' }
    expect(updateInput(saved, openai, 'Work', values, new Set(), true)).toEqual({
      id: saved.id,
      fields: { baseURL: 'https://169.254.169.254/' },
      acknowledge: ['metadata_address'],
    })
    expect(updateInput(saved, openai, 'Work', { apiKey: '' }, new Set(), true)).toBeNull()
  })

  it('tests a new connection’s typed fields, and an edit’s changes over the saved connection', () => {
    const typed = { apiKey: 'sk-proj-typed', baseURL: '', organization: ' ' }
    expect(draftTestInput(undefined, openai, typed, new Set())).toEqual({
      provider: 'openai',
      fields: { apiKey: 'sk-proj-typed' },
    })
    const metadata = { apiKey: 'k', baseURL: 'https://169.254.169.254/' }
    expect(draftTestInput(undefined, openai, metadata, new Set(), true)).toMatchObject({
      acknowledge: ['metadata_address'],
    })

    const host = createConnectionsHost()
    const saved = host.seed('openai', 'Work', {
      apiKey: 'sk-proj-abcdefgh9xyz',
      baseURL: 'https://x/v1',
    })
    const untouched = { apiKey: '', baseURL: 'https://x/v1', organization: '' }
    // Nothing changed: the saved connection as it is.
    expect(draftTestInput(saved, openai, untouched, new Set())).toEqual({ id: saved.id })
    // An empty key is left out, so the host uses the saved one (only for the same server).
    expect(
      draftTestInput(saved, openai, { ...untouched, baseURL: 'https://y/v1' }, new Set()),
    ).toEqual({ id: saved.id, fields: { baseURL: 'https://y/v1' } })
    expect(
      draftTestInput(saved, openai, { ...untouched, apiKey: 'sk-proj-new' }, new Set()),
    ).toEqual({ id: saved.id, fields: { apiKey: 'sk-proj-new' } })
  })
})
