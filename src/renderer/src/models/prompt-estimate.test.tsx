// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { modelsHostHandlers } from '../test-support/models-host'
import { renderWithApp } from '../test-support/render-with-app'
import { PromptEstimate } from './prompt-estimate'

afterEach(cleanup)

describe('PromptEstimate', () => {
  it('shows tokens and the cost for one model', async () => {
    const client = createFakeClient(modelsHostHandlers())
    // 464 Latin characters: 116 tokens, plus 4 for the message.
    renderWithApp(
      <PromptEstimate
        text={'x'.repeat(464)}
        choices={[{ connectionId: 'conn_openai', model: 'gpt-5.4-mini' }]}
      />,
      client,
    )
    const estimate = screen.getByTestId('prompt-estimate')
    expect(estimate.textContent).toBe('≈ 120 tokens')
    await waitFor(() => expect(estimate.textContent).toBe('≈ 120 tokens · ≈ $0.00009'))
  })

  it('lists a cost per model when comparing, asking the host about a custom id', async () => {
    const fake = createFakeClient(modelsHostHandlers())
    renderWithApp(
      <PromptEstimate
        text="모델 두 개를 비교해 주세요"
        systemPrompt="Be brief."
        choices={[
          { connectionId: 'conn_openai', model: 'gpt-5.4-mini' },
          { connectionId: 'conn_anthropic', model: 'claude-opus-4-7' },
          { connectionId: 'conn_openai', model: 'my-fine-tune' },
        ]}
      />,
      fake,
      { language: 'en' },
    )
    // 11 Hangul syllables + 4 spaces → 12 + 4; "Be brief." → 3 + 4.
    await waitFor(() =>
      expect(screen.getByTestId('prompt-estimate').textContent).toBe(
        '≈ 23 tokens · GPT-5.4 mini: ≈ $0.000017 · Claude Opus 4.7: ≈ $0.00012 · my-fine-tune: price unknown',
      ),
    )
    expect(fake.callsTo('models.capabilities')).toEqual([
      { connectionId: 'conn_openai', model: 'my-fine-tune' },
    ])
  })

  it('bills the prompt once per answer when a chat asks for n answers', async () => {
    const fake = createFakeClient(modelsHostHandlers())
    const choices = [{ connectionId: 'conn_openai', model: 'gpt-4.1' }]
    // 20,000 characters: 5,004 tokens; at $2 per million, ≈ $0.01 per answer.
    renderWithApp(
      <>
        <PromptEstimate text={'x'.repeat(20_000)} choices={choices} answers={3} />
        <PromptEstimate text={'x'.repeat(20_000)} choices={choices} answers={1} />
      </>,
      fake,
    )
    const [three, one] = screen.getAllByTestId('prompt-estimate')
    await waitFor(() => expect(three?.textContent).toBe('≈ 5,004 tokens · ≈ $0.03 for 3 answers'))
    expect(one?.textContent).toBe('≈ 5,004 tokens · ≈ $0.01')
  })
})
