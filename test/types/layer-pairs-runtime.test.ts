import { describe, expect, it } from 'vitest'
import {
  CatalogSchema,
  ParameterSupportSchema,
} from '../../packages/llm/src/catalog/catalog-schema'
import { PROVIDER_IDS, providers } from '../../packages/llm/src/index'
import { ParameterSupportSchema as ParameterSupportViewSchema } from '../../src/shared/model-schemas'
import { addressFieldOf } from '../../src/shared/trust-domain'

// What layer-pairs.ts cannot see: the copies' runtime rules (two schemas of one type may still
// accept different values) and the provider ids shared knows only as strings.

describe('ParameterSupport: the catalog and the contract accept the same values', () => {
  const samples: [string, unknown][] = [
    ['supported, bare', { support: 'supported' }],
    ['supported, full', { support: 'supported', min: 0, max: 2, default: 1, note: 'n' }],
    ['supported, default text', { support: 'supported', default: 'medium' }],
    ['emulated with a note', { support: 'emulated', note: 'Sent as n requests.' }],
    ['emulated without a note', { support: 'emulated' }],
    [
      'unsupported with a code, details and a reason',
      {
        support: 'unsupported',
        code: 'api_has_no_parameter',
        details: { api: 'Bedrock Converse', parameter: 'seed' },
        reason: 'No seed.',
      },
    ],
    [
      'unsupported with every detail',
      {
        support: 'unsupported',
        code: 'use_other_parameter',
        details: {
          ...{ model: 'm', provider: 'p', api: 'a', version: 'v' },
          ...{ parameter: 'top_p', alternative: 'temperature' },
        },
        reason: 'Use temperature.',
      },
    ],
    ['unsupported with a reason only', { support: 'unsupported', reason: 'No seed.' }],
    [
      'unsupported without details',
      { support: 'unsupported', code: 'api_has_no_parameter', reason: 'No seed.' },
    ],
    [
      'unsupported with an empty reason',
      { support: 'unsupported', code: 'api_has_no_parameter', details: {}, reason: '' },
    ],
    [
      'unsupported with an empty code',
      { support: 'unsupported', code: '', details: {}, reason: 'No seed.' },
    ],
    [
      'unsupported without a reason',
      { support: 'unsupported', code: 'api_has_no_parameter', details: {} },
    ],
    [
      'a detail that is not text',
      { support: 'unsupported', code: 'api_has_no_parameter', details: { api: 1 }, reason: 'r' },
    ],
    ['an unknown support', { support: 'maybe' }],
    ['a min that is text', { support: 'supported', min: '0' }],
    ['not an object', 'supported'],
  ]

  it('takes any code in the contract, only a known one in the library', () => {
    const newer = { support: 'unsupported', code: 'from_a_newer_library', details: {}, reason: 'r' }
    expect(ParameterSupportViewSchema.safeParse(newer).success).toBe(true)
    expect(ParameterSupportSchema.safeParse(newer).success).toBe(false)
  })

  it.each(samples)('%s', (_name, value) => {
    const library = ParameterSupportSchema.safeParse(value)
    const contract = ParameterSupportViewSchema.safeParse(value)
    expect(contract.success).toBe(library.success)
    if (library.success && contract.success) expect(contract.data).toEqual(library.data)
  })
})

describe('PROVIDER_IDS', () => {
  it('orders providers and is what a catalog may name', () => {
    expect(providers.map((p) => p.id)).toEqual([...PROVIDER_IDS])
    expect(CatalogSchema.shape.provider.options).toEqual([...PROVIDER_IDS])
  })

  it.each(PROVIDER_IDS)('%s has its address field in shared trust domains and its form', (id) => {
    const field = addressFieldOf(id)
    const form = providers.find((p) => p.id === id)?.fields.map((f) => f.name)
    expect(field).toBeDefined()
    expect(form).toContain(field)
  })
})
