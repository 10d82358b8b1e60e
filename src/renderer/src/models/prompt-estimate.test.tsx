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

  it('shows the host’s count of the whole request, asking once typing pauses', async () => {
    const fake = createFakeClient({
      ...modelsHostHandlers(),
      // The host counts history, system prompt and image: far more than the text alone.
      'runs.estimate': ({ text }) => ({
        targets: [
          {
            connectionId: 'conn_openai',
            model: 'gpt-4.1',
            tokens: 900 + text.length,
            exact: false,
            method: 'heuristic',
            costUsd: 0.0018,
          },
        ],
      }),
    })
    const choices = [{ connectionId: 'conn_openai', model: 'gpt-4.1' }]
    const context = {
      mode: 'chat' as const,
      conversationId: 'c1',
      systemPrompt: 'Be brief.',
      targets: choices,
    }
    const image = { mediaType: 'image/png' as const, data: 'A'.repeat(300_000) }
    const view = renderWithApp(
      <PromptEstimate text="Hi" choices={choices} context={context} images={[image]} />,
      fake,
    )
    const estimate = screen.getByTestId('prompt-estimate')
    // The text alone, counted here, until the host answers.
    expect(estimate.dataset.source).toBe('local')
    await waitFor(() => expect(estimate.textContent).toBe('≈ 902 tokens · ≈ $0.0018'))
    expect(estimate.dataset).toMatchObject({ source: 'host', pending: 'false', tokens: '902' })
    view.rerender(
      <PromptEstimate text="Hi there" choices={choices} context={context} images={[image]} />,
    )
    expect(estimate.dataset.pending).toBe('true')
    await waitFor(() => expect(estimate.textContent).toBe('≈ 908 tokens · ≈ $0.0018'))
    const calls = fake.callsTo('runs.estimate')
    expect(calls).toHaveLength(2)
    // Only the beginning of each image goes to the host: its size is in the header.
    expect(calls[1]).toMatchObject({ ...context, text: 'Hi there' })
    expect(calls[1]?.images?.[0]?.data).toHaveLength(262_144)
  })

  it('lists a count per model when the targets count differently', async () => {
    const gpt = { connectionId: 'conn_openai', model: 'gpt-5.4-mini' }
    const claude = { connectionId: 'conn_anthropic', model: 'claude-opus-4-7' }
    const targets = [gpt, claude]
    const fake = createFakeClient({
      ...modelsHostHandlers(),
      'runs.estimate': () => ({
        targets: [
          { ...gpt, tokens: 880, exact: false, method: 'heuristic', costUsd: 0.00066 },
          { ...claude, tokens: 1164, exact: false, method: 'heuristic', costUsd: null },
        ],
      }),
    })
    renderWithApp(
      <PromptEstimate text="Compare" choices={targets} context={{ mode: 'compare', targets }} />,
      fake,
      { language: 'ko' },
    )
    await waitFor(() =>
      expect(screen.getByTestId('prompt-estimate').textContent).toBe(
        'GPT-5.4 mini: 약 880 토큰, 약 US$0.00066 · Claude Opus 4.7: 약 1,164 토큰, 가격 정보 없음',
      ),
    )
  })
})
