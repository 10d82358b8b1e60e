// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeClient } from '../test-support/fake-client'
import { modelsHostHandlers } from '../test-support/models-host'
import { renderWithApp } from '../test-support/render-with-app'
import type { ModelChoice } from './model-choice'
import { ModelPicker } from './model-picker'

afterEach(cleanup)

function Harness({
  onChange,
  initial = null,
}: {
  onChange(choice: ModelChoice): void
  initial?: ModelChoice | null
}) {
  const [value, setValue] = useState<ModelChoice | null>(initial)
  return (
    <ModelPicker
      value={value}
      onChange={(choice) => {
        setValue(choice)
        onChange(choice)
      }}
    />
  )
}

async function openPicker(testId = 'model-picker') {
  fireEvent.click(screen.getByTestId(testId))
  const dialog = screen.getByRole('dialog')
  await within(dialog).findAllByTestId('model-option')
  await waitFor(() => expect(within(dialog).queryByText('Loading…')).toBeNull())
  return dialog
}

function optionIds(dialog: HTMLElement): string[] {
  return within(dialog)
    .queryAllByTestId('model-option')
    .map((option) => `${option.dataset.connection}/${option.dataset.model}`)
}

function search(dialog: HTMLElement, text: string) {
  fireEvent.change(within(dialog).getByRole('combobox'), { target: { value: text } })
}

describe('ModelPicker', () => {
  it('groups models by connection with limits, prices and badges', async () => {
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(<Harness onChange={() => {}} />, client)
    expect(screen.getByTestId('model-picker').textContent).toContain('Choose a model')
    const dialog = await openPicker()

    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const groups = within(dialog).getAllByTestId('model-group')
    expect(groups.map((group) => group.dataset.connection)).toEqual([
      'conn_openai',
      'conn_anthropic',
      'conn_local',
    ])
    expect(groups[0]?.textContent).toContain('OpenAI work')
    expect(groups[0]?.textContent).toContain('OpenAI')
    expect(groups[1]?.textContent).toContain('Anthropic')

    const mini = within(dialog)
      .getAllByTestId('model-option')
      .find((option) => option.dataset.model === 'gpt-5.4-mini')
    expect(mini).toBeDefined()
    const miniText = mini?.textContent ?? ''
    for (const text of ['GPT-5.4 mini', 'gpt-5.4-mini', 'Vision', 'Tools', 'Reasoning']) {
      expect(miniText).toContain(text)
    }
    // Each number says what it is: no bare "ctx" / "out" or unlabelled "$a / $b".
    expect(miniText).toContain('400K context')
    expect(miniText).toContain('128K max output')
    expect(miniText).toContain('in $0.75 · out $4.50 per 1M tokens')

    const gpt41 = within(dialog)
      .getAllByTestId('model-option')
      .find((o) => o.dataset.model === 'gpt-4.1')
    expect(gpt41?.textContent).toContain('1.05M context')
    expect(gpt41?.textContent).not.toContain('Reasoning')
    // o4-mini's label equals its id: shown once.
    const o4 = within(dialog)
      .getAllByTestId('model-option')
      .find((o) => o.dataset.model === 'o4-mini')
    expect(o4?.textContent?.match(/o4-mini/g)).toHaveLength(1)

    // A catalog suggestion the provider did not list sits under "Suggestions".
    const openaiGroup = groups[0] as HTMLElement
    const suggestionsHeading = within(openaiGroup).getByText('Suggestions (not listed)')
    const gpt55 = within(openaiGroup).getByText('GPT-5.5').closest('[role="option"]')
    expect(suggestionsHeading.compareDocumentPosition(gpt55 as Node)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    )
    expect(gpt55?.textContent).toContain('not listed by the provider')

    // The offline connection explains itself and shows what the catalog knows.
    const localGroup = groups[2] as HTMLElement
    expect(localGroup.textContent).toContain(
      'Could not list models: connect ECONNREFUSED 127.0.0.1:11434; showing known models',
    )
    expect(within(localGroup).getByRole('option').textContent).toContain('price unknown')
  })

  it('labels the limits and the input and output prices in Korean too', async () => {
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(<Harness onChange={() => {}} />, client, { language: 'ko' })
    fireEvent.click(screen.getByTestId('model-picker'))
    const dialog = screen.getByRole('dialog')
    await waitFor(() =>
      expect(
        within(dialog)
          .getAllByTestId('model-option')
          .some((option) => option.dataset.model === 'gpt-5.4-mini'),
      ).toBe(true),
    )
    const mini = within(dialog)
      .getAllByTestId('model-option')
      .find((option) => option.dataset.model === 'gpt-5.4-mini')
    const text = mini?.textContent ?? ''
    expect(text).toContain('컨텍스트 400K')
    expect(text).toContain('최대 출력 128K')
    expect(text).toMatch(/100만 토큰당 입력 (US)?\$0\.75 · 출력 (US)?\$4\.50/)
  })

  it('narrows the list by model id, label or connection, ignoring case', async () => {
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(<Harness onChange={() => {}} />, client)
    const dialog = await openPicker()
    expect(optionIds(dialog)).toHaveLength(7)

    search(dialog, 'MINI')
    expect(optionIds(dialog)).toEqual(['conn_openai/gpt-5.4-mini', 'conn_openai/o4-mini'])

    // Words with a space between are a search, never a model id: no custom rows.
    search(dialog, 'claude haiku')
    expect(optionIds(dialog)).toEqual(['conn_anthropic/claude-haiku-4-5'])
    expect(within(dialog).queryAllByTestId('model-custom-option')).toHaveLength(0)

    search(dialog, 'ollama')
    expect(optionIds(dialog)).toEqual(['conn_local/llama3.2'])
    expect(within(dialog).getAllByTestId('model-group')).toHaveLength(1)

    search(dialog, 'nothing-like-this')
    expect(optionIds(dialog)).toEqual([])
    expect(within(dialog).getAllByTestId('model-custom-option')).toHaveLength(3)
  })

  it('moves with the arrow keys, picks with Enter and closes with Escape', async () => {
    const onChange = vi.fn()
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(<Harness onChange={onChange} />, client)
    let dialog = await openPicker()
    const input = within(dialog).getByRole('combobox')
    expect(document.activeElement).toBe(input)

    fireEvent.keyDown(input, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(onChange).not.toHaveBeenCalled()
    expect(document.activeElement).toBe(screen.getByTestId('model-picker'))

    dialog = await openPicker()
    search(dialog, 'mini')
    const combobox = within(dialog).getByRole('combobox')
    const active = () =>
      document.getElementById(combobox.getAttribute('aria-activedescendant') ?? '')
    expect(active()?.dataset.model).toBe('gpt-5.4-mini')
    fireEvent.keyDown(combobox, { key: 'ArrowDown' })
    expect(active()?.dataset.model).toBe('o4-mini')
    expect(active()?.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(combobox, { key: 'ArrowDown' })
    fireEvent.keyDown(combobox, { key: 'ArrowUp' })
    fireEvent.keyDown(combobox, { key: 'Enter' })

    expect(onChange).toHaveBeenCalledWith({ connectionId: 'conn_openai', model: 'o4-mini' })
    expect(screen.queryByRole('dialog')).toBeNull()
    const trigger = screen.getByTestId('model-picker')
    expect(trigger.textContent).toContain('o4-mini')
    expect(trigger.textContent).toContain('OpenAI work')

    // Reopening starts at the chosen model.
    dialog = await openPicker()
    const reopened = within(dialog).getByRole('combobox')
    expect(
      document.getElementById(reopened.getAttribute('aria-activedescendant') ?? '')?.dataset.model,
    ).toBe('o4-mini')
  })

  it('offers a typed id as a custom model on each connection that lacks it', async () => {
    const onChange = vi.fn()
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(<Harness onChange={onChange} />, client)
    const dialog = await openPicker()

    search(dialog, 'o4-mini')
    const exact = within(dialog).getAllByTestId('model-custom-option')
    expect(exact.map((option) => option.dataset.connection)).toEqual([
      'conn_anthropic',
      'conn_local',
    ])

    search(dialog, 'gpt-6-preview')
    expect(within(dialog).queryAllByTestId('model-option')).toHaveLength(0)
    const custom = within(dialog).getAllByTestId('model-custom-option')
    expect(custom).toHaveLength(3)
    expect(custom[1]?.textContent).toBe('Use “gpt-6-preview” on Claude team')

    fireEvent.click(custom[1] as HTMLElement)
    expect(onChange).toHaveBeenCalledWith({
      connectionId: 'conn_anthropic',
      model: 'gpt-6-preview',
    })
    // A model that is in no list still shows on the button.
    expect(screen.getByTestId('model-picker').textContent).toContain('gpt-6-preview')
  })

  it('picks with a click and uses its own test id', async () => {
    const onChange = vi.fn()
    const client = createFakeClient(modelsHostHandlers())
    renderWithApp(
      <ModelPicker value={null} onChange={onChange} label="Model 2" testId="picker-2" />,
      client,
    )
    const dialog = await openPicker('picker-2')
    expect(screen.getByTestId('picker-2').textContent).toContain('Model 2')
    expect(screen.getByRole('dialog', { name: 'Model 2' })).toBe(dialog)
    const haiku = within(dialog)
      .getAllByTestId('model-option')
      .find((option) => option.dataset.model === 'claude-haiku-4-5')
    fireEvent.click(haiku as HTMLElement)
    expect(onChange).toHaveBeenCalledWith({
      connectionId: 'conn_anthropic',
      model: 'claude-haiku-4-5',
    })
  })

  it('asks each connection once however many pickers there are, and again on refresh', async () => {
    const fake = createFakeClient(modelsHostHandlers())
    renderWithApp(
      <>
        <ModelPicker value={null} onChange={() => {}} testId="a" />
        <ModelPicker value={null} onChange={() => {}} testId="b" />
      </>,
      fake,
    )
    const dialog = await openPicker('a')
    expect(fake.callsTo('models.list')).toEqual([
      { connectionId: 'conn_openai' },
      { connectionId: 'conn_anthropic' },
      { connectionId: 'conn_local' },
    ])
    const refreshButton = within(dialog).getByRole('button', { name: 'Refresh lists' })
    // Enter on the button is the button's, not a pick.
    fireEvent.keyDown(refreshButton, { key: 'Enter' })
    expect(screen.getByRole('dialog')).toBe(dialog)
    await act(async () => {
      fireEvent.click(refreshButton)
    })
    expect(fake.callsTo('models.list').slice(3)).toEqual([
      { connectionId: 'conn_openai', refresh: true },
      { connectionId: 'conn_anthropic', refresh: true },
      { connectionId: 'conn_local', refresh: true },
    ])
  })

  it('says where to go when there is no connection', async () => {
    const client = createFakeClient({
      ...modelsHostHandlers(),
      'connections.list': () => ({ connections: [] }),
    })
    renderWithApp(<ModelPicker value={null} onChange={() => {}} />, client)
    fireEvent.click(screen.getByTestId('model-picker'))
    expect(await screen.findByText(/No connections yet/)).toBeTruthy()
  })
})
