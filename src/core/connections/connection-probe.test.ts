import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FakeServer } from '../../../test/fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../../../test/fakes/openai/openai-fake'
import { probeConnection } from './connection-probe'

let fake: FakeServer
beforeAll(async () => {
  fake = await startOpenAIFake()
})
afterAll(() => fake.close())

const clock = () => 0

describe('a connection test against a real (fake) provider', () => {
  it('passes a rejected key’s hint on with its code and details, for the screen to word', async () => {
    const result = await probeConnection(
      {
        provider: 'openai',
        apiKey: 'sk-proj-thisKeyIsWrong000000000000000000000000',
        baseURL: `${fake.url}/v1`,
      },
      5_000,
      clock,
    )
    expect(result).toMatchObject({
      ok: false,
      kind: 'auth',
      hintCode: 'check_api_key',
      hintDetails: { provider: 'OpenAI' },
    })
    expect(result.hint).toMatch(/Check the API key/)
  })

  it('a working key has no hint', async () => {
    const result = await probeConnection(
      { provider: 'openai', apiKey: OPENAI_FAKE_DEFAULTS.openaiKey, baseURL: `${fake.url}/v1` },
      5_000,
      clock,
    )
    expect(result.ok).toBe(true)
    expect(result).not.toHaveProperty('hintCode')
  })
})
