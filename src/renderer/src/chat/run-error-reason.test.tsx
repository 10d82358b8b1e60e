// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '../../../shared/contract'
import { createFakeClient } from '../test-support/fake-client'
import { savedRun } from '../test-support/history-records'
import { renderWithApp } from '../test-support/render-with-app'
import { RunSlot } from './run-slot'

/* A run refused before sending: the card words the library's reason code in the page's language. */

afterEach(cleanup)

function refused(reasonCode: string): EventPayload<'run.done'> {
  return {
    runId: 'r1',
    conversationId: 'c1',
    messageId: 'p1',
    connectionId: 'conn_openai',
    provider: 'openai',
    model: 'o3',
    status: 'error',
    finishReason: null,
    error: {
      kind: 'unsupported_parameter',
      message: 'o3 is a reasoning model and rejects temperature (in English from the library).',
      reasonCode,
      reasonDetails: { parameter: 'temperature', model: 'o3', provider: 'openai' },
    },
    usage: {
      tokensIn: null,
      tokensOut: null,
      tokensReasoning: null,
      tokensCached: null,
      estimated: false,
    },
    metrics: {
      ttftMs: null,
      totalMs: 1,
      tokensPerSecond: null,
      tokensPerSecondEstimated: false,
      queueWaitMs: 0,
      retryWaitMs: 0,
    },
    cost: { usd: null, estimated: false, priceUnknown: false },
    toolCalls: [],
    endedAt: Date.now(),
  }
}

function show(language: 'en' | 'ko', reasonCode: string) {
  const client = createFakeClient({})
  renderWithApp(
    <RunSlot run={savedRun({ id: 'r1', messageId: 'p1', status: 'streaming' })} />,
    client,
    { language },
  )
  act(() => client.emit('run.done', refused(reasonCode)))
}

describe('a refused request field on the run card', () => {
  it('says why in English', async () => {
    show('en', 'reasoning_model_rejects')
    expect((await screen.findByTestId('run-error-reason')).textContent).toBe(
      'o3 is a reasoning model and does not take Temperature.',
    )
  })

  it('says why in Korean, not in the library’s English', async () => {
    show('ko', 'reasoning_model_rejects')
    const reason = (await screen.findByTestId('run-error-reason')).textContent ?? ''
    expect(reason).toBe('o3 모델은 추론 모델이라 온도 파라미터를 받지 않습니다.')
  })

  it('falls back to the library’s sentence for a code this screen does not know', async () => {
    show('ko', 'code_from_a_newer_library')
    expect((await screen.findByTestId('run-error-reason')).textContent).toContain(
      'in English from the library',
    )
  })
})
