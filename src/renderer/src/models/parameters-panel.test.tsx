// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ModelCapabilitiesView } from '../../../shared/model-schemas'
import { I18nProvider } from '../i18n/i18n'
import { ParametersPanel } from './parameters-panel'
import { getPref, resetPrefs } from '../app/prefs-store'
import type { RunParameters } from './run-parameters'
import { capabilitiesOf, GPT_41, GPT_54_MINI, O4_MINI } from '../test-support/model-capabilities'

afterEach(cleanup)
beforeEach(() => resetPrefs())

interface HarnessProps {
  capabilities: ModelCapabilitiesView | null
  initial?: RunParameters
  withSystemPrompt?: boolean
  offerAnswers?: boolean
  onValue?(value: RunParameters): void
}

/** Holds the value like a chat screen would, and reports every change. */
function Harness(props: HarnessProps) {
  const { capabilities, initial = {}, withSystemPrompt, offerAnswers, onValue } = props
  const [value, setValue] = useState<RunParameters>(initial)
  const [system, setSystem] = useState('')
  return (
    <ParametersPanel
      capabilities={capabilities}
      value={value}
      onChange={(next) => {
        setValue(next)
        onValue?.(next)
      }}
      {...(withSystemPrompt ? { systemPrompt: system, onSystemPromptChange: setSystem } : {})}
      {...(offerAnswers ? { offerAnswers } : {})}
    />
  )
}

function renderPanel(props: HarnessProps) {
  const onValue = vi.fn<(value: RunParameters) => void>()
  const result = render(
    <I18nProvider language="en">
      <Harness onValue={onValue} {...props} />
    </I18nProvider>,
  )
  const last = () => onValue.mock.lastCall?.[0]
  return { ...result, onValue, last }
}

function row(name: string) {
  return screen.getByTestId(`param-${name}`)
}

function describedText(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
}

describe('ParametersPanel', () => {
  it('enables every control when no model is chosen', () => {
    renderPanel({ capabilities: null })
    const panel = screen.getByTestId('parameters-panel')
    const controls = panel.querySelectorAll('input, select')
    expect(controls.length).toBeGreaterThan(8)
    for (const control of controls) expect((control as HTMLInputElement).disabled).toBe(false)
    for (const name of [
      'temperature',
      'top_p',
      'max_tokens',
      'stop',
      'seed',
      'presence_penalty',
      'frequency_penalty',
      'reasoning_effort',
    ]) {
      expect(row(name)).toBeTruthy()
    }
    // No system prompt box unless the screen edits one.
    expect(screen.queryByTestId('param-system')).toBeNull()
  })

  it('disables what the model rejects, with the reason visible and as the description', () => {
    renderPanel({ capabilities: GPT_54_MINI })
    const temperature = row('temperature')
    const slider = within(temperature).getByRole('slider', { name: 'Temperature' })
    const number = within(temperature).getByRole('spinbutton', { name: 'Temperature' })
    expect(slider).toHaveProperty('disabled', true)
    expect(number).toHaveProperty('disabled', true)
    // Worded by the screen from the library's code and details (models/unsupported-reason.ts).
    const reason =
      'gpt-5.4-mini is a reasoning model and does not take Temperature. Use Reasoning effort instead.'
    expect(temperature.textContent).toContain(`Not available: ${reason}`)
    expect(describedText(number)).toContain(reason)
    expect(within(row('stop')).getByRole('textbox')).toHaveProperty('disabled', true)
    // Still allowed: max tokens, with the provider's note in its help.
    const maxTokens = within(row('max_tokens')).getByRole('spinbutton', { name: 'Max tokens' })
    expect(maxTokens).toHaveProperty('disabled', false)
    expect(describedText(maxTokens)).toContain('Sent as max_completion_tokens')
    expect(within(row('max_tokens')).getByRole('slider')).toHaveProperty('max', '128000')
  })

  it('drops a parameter the newly chosen model rejects', () => {
    const onValue = vi.fn()
    const { rerender } = render(
      <I18nProvider language="en">
        <Harness
          capabilities={GPT_41}
          initial={{ temperature: 0.7, max_tokens: 500 }}
          onValue={onValue}
        />
      </I18nProvider>,
    )
    expect(onValue).not.toHaveBeenCalled()
    expect(within(row('temperature')).getByRole('spinbutton')).toHaveProperty('value', '0.7')
    rerender(
      <I18nProvider language="en">
        <Harness
          capabilities={O4_MINI}
          initial={{ temperature: 0.7, max_tokens: 500 }}
          onValue={onValue}
        />
      </I18nProvider>,
    )
    expect(onValue).toHaveBeenLastCalledWith({ max_tokens: 500 })
    expect(within(row('temperature')).getByRole('spinbutton')).toHaveProperty('value', '')
  })

  it('keeps the slider and the number box in step, and reset unsets the value', () => {
    const { last } = renderPanel({ capabilities: GPT_41 })
    const temperature = row('temperature')
    const slider = within(temperature).getByRole('slider')
    const number = within(temperature).getByRole('spinbutton')
    // Unset: the box is empty and the slider rests on the model's default.
    expect(number).toHaveProperty('value', '')
    expect(slider).toHaveProperty('value', '1')

    fireEvent.change(slider, { target: { value: '0.7' } })
    expect(last()).toEqual({ temperature: 0.7 })
    expect(number).toHaveProperty('value', '0.7')

    fireEvent.change(number, { target: { value: '1.3' } })
    expect(last()).toEqual({ temperature: 1.3 })
    expect(slider).toHaveProperty('value', '1.3')

    // Out of range: shown as invalid, not sent.
    fireEvent.change(number, { target: { value: '5' } })
    expect(last()).toEqual({ temperature: 1.3 })
    expect(number.getAttribute('aria-invalid')).toBe('true')
    expect(within(temperature).getByRole('alert').textContent).toBe('Enter a number from 0 to 2.')
    fireEvent.blur(number)
    expect(number).toHaveProperty('value', '1.3')

    fireEvent.click(
      within(temperature).getByRole('button', { name: 'Reset Temperature to the model default' }),
    )
    expect(last()).toEqual({})
    expect('temperature' in (last() ?? {})).toBe(false)
    expect(number).toHaveProperty('value', '')
  })

  it('explains a parameter and its default while it has the focus', () => {
    renderPanel({ capabilities: GPT_41 })
    const temperature = row('temperature')
    const number = within(temperature).getByRole('spinbutton')
    const help = document.getElementById(
      (number.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '',
    )
    expect(help?.textContent).toContain('How random the answer is')
    expect(help?.textContent).toContain('Model default: 1.')
    expect(help?.hidden).toBe(true)
    fireEvent.focus(number)
    expect(help?.hidden).toBe(false)
    const info = within(temperature).getByRole('button', { name: 'About Temperature' })
    expect(info.getAttribute('title')).toContain('How random the answer is')
    // Seeds have no default of their own.
    expect(
      within(row('seed')).getByRole('button', { name: 'About Seed' }).getAttribute('title'),
    ).toContain('Model default: provider default.')
  })

  it('shows how an emulated parameter is handled', () => {
    const emulated = capabilitiesOf('gemini-2.5-flash', {
      parameterChanges: {
        seed: { support: 'emulated', note: 'Runs n requests in parallel.' },
      },
    })
    renderPanel({ capabilities: emulated })
    const seed = row('seed')
    expect(seed.textContent).toContain('Runs n requests in parallel.')
    expect(within(seed).getByRole('spinbutton')).toHaveProperty('disabled', false)
  })

  it('adds up to four stop sequences as chips and removes them', () => {
    const { last } = renderPanel({ capabilities: GPT_41 })
    const stop = row('stop')
    const input = within(stop).getByRole('textbox', { name: 'Stop sequences' })
    for (const text of ['END', '\\n\\n', 'Human:', 'END', '###', 'extra']) {
      fireEvent.change(input, { target: { value: text } })
      fireEvent.keyDown(input, { key: 'Enter' })
    }
    expect(last()).toEqual({ stop: ['END', '\n\n', 'Human:', '###'] })
    const chips = within(stop).getByRole('list', { name: 'Stop sequences' })
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['END×', '\\n\\n×', 'Human:×', '###×'])
    expect(input).toHaveProperty('disabled', true)
    fireEvent.click(within(stop).getByRole('button', { name: 'Remove stop sequence \\n\\n' }))
    expect(last()).toEqual({ stop: ['END', 'Human:', '###'] })
    fireEvent.click(
      within(stop).getByRole('button', { name: 'Reset Stop sequences to the model default' }),
    )
    expect(last()).toEqual({})
  })

  it('chooses a reasoning effort, naming the model default', () => {
    const { last } = renderPanel({ capabilities: GPT_54_MINI })
    const select = within(row('reasoning_effort')).getByRole('combobox', {
      name: 'Reasoning effort',
    })
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Model default (Medium)', 'Minimal', 'Low', 'Medium', 'High'])
    fireEvent.change(select, { target: { value: 'high' } })
    expect(last()).toEqual({ reasoning_effort: 'high' })
    fireEvent.change(select, { target: { value: '' } })
    expect(last()).toEqual({})
  })

  it('saves, applies and deletes presets with the system prompt', () => {
    const { last } = renderPanel({ capabilities: GPT_41, withSystemPrompt: true })
    fireEvent.change(screen.getByRole('textbox', { name: 'System prompt' }), {
      target: { value: 'Answer briefly.' },
    })
    fireEvent.change(within(row('temperature')).getByRole('spinbutton'), {
      target: { value: '0.2' },
    })

    fireEvent.click(screen.getByRole('button', { name: 'Presets (0)' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Preset name' }), {
      target: { value: 'Precise' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('status').textContent).toBe('Saved “Precise”.')
    expect(getPref('presets')).toMatchObject([
      { name: 'Precise', parameters: { temperature: 0.2 }, systemPrompt: 'Answer briefly.' },
    ])

    // Change everything, then apply the preset again.
    fireEvent.change(within(row('temperature')).getByRole('spinbutton'), {
      target: { value: '1.5' },
    })
    fireEvent.change(within(row('max_tokens')).getByRole('spinbutton'), {
      target: { value: '900' },
    })
    fireEvent.change(screen.getByRole('textbox', { name: 'System prompt' }), {
      target: { value: 'Other' },
    })
    expect(last()).toEqual({ temperature: 1.5, max_tokens: 900 })
    fireEvent.click(screen.getByRole('button', { name: 'Apply preset Precise' }))
    expect(last()).toEqual({ temperature: 0.2 })
    expect(screen.getByRole('textbox', { name: 'System prompt' })).toHaveProperty(
      'value',
      'Answer briefly.',
    )

    fireEvent.click(screen.getByRole('button', { name: 'Delete preset Precise' }))
    expect(screen.queryByTestId('preset')).toBeNull()
    expect(screen.getByRole('button', { name: 'Presets (0)' })).toBeTruthy()
    expect(getPref('presets')).toEqual([])
  })

  it('applies a preset without what the current model rejects', () => {
    resetPrefs({
      presets: [
        { id: 'p1', name: 'Warm', parameters: { temperature: 1.2, max_tokens: 300 }, savedAt: 1 },
      ],
    })
    const { last } = renderPanel({ capabilities: O4_MINI })
    fireEvent.click(screen.getByRole('button', { name: 'Presets (1)' }))
    fireEvent.click(screen.getByRole('button', { name: 'Apply preset Warm' }))
    expect(last()).toEqual({ max_tokens: 300 })
  })

  it('opens with no saved presets and saves the first', () => {
    renderPanel({ capabilities: null })
    fireEvent.click(screen.getByRole('button', { name: 'Presets (0)' }))
    expect(screen.getByText(/No presets yet/)).toBeTruthy()
    fireEvent.change(screen.getByRole('textbox', { name: 'Preset name' }), {
      target: { value: 'Fresh' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(
      within(screen.getByRole('list', { name: 'Saved presets' })).getByText('Fresh'),
    ).toBeTruthy()
    expect(getPref('presets')).toHaveLength(1)
  })
})

describe('the n (answers) row', () => {
  // Parallax fans n out into separate requests itself, so what the model says about n is moot.
  const noN = capabilitiesOf('no-n-model', {
    parameterChanges: {
      n: {
        support: 'unsupported',
        code: 'api_has_no_parameter',
        details: { api: 'Test', parameter: 'n' },
        reason: 'This API returns one choice.',
      },
    },
  })

  it('offers 1–8 answers in a chat for every model, and says how they are sent and billed', () => {
    const { last } = renderPanel({ capabilities: noN, offerAnswers: true })
    const answers = row('n')
    const slider = within(answers).getByRole('slider', { name: 'Answers (n)' })
    const number = within(answers).getByRole('spinbutton', { name: 'Answers (n)' })
    expect(slider).toHaveProperty('disabled', false)
    expect(number).toHaveProperty('disabled', false)
    expect(answers.textContent).not.toContain('Not available')
    expect([slider.getAttribute('min'), slider.getAttribute('max')]).toEqual(['1', '8'])
    expect(slider).toHaveProperty('value', '1')
    const help = describedText(number)
    expect(help).toContain(
      'Parallax sends n separate requests; each answer has its own metrics, and the prompt is billed n times.',
    )
    expect(help).toContain('Model default: 1.')
    expect(
      within(answers).getByRole('button', { name: 'About Answers (n)' }).getAttribute('title'),
    ).toContain('the prompt is billed n times')

    fireEvent.change(slider, { target: { value: '3' } })
    // Kept although the capabilities reject n: the runner never sends it.
    expect(last()).toEqual({ n: 3 })
    expect(number).toHaveProperty('value', '3')
    for (const text of ['9', '0', '2.5']) {
      fireEvent.change(number, { target: { value: text } })
      expect(last()).toEqual({ n: 3 })
      expect(within(answers).getByRole('alert').textContent).toBe(
        'Enter a whole number from 1 to 8.',
      )
    }
    fireEvent.change(number, { target: { value: '8' } })
    expect(last()).toEqual({ n: 8 })
    fireEvent.click(screen.getByRole('button', { name: 'Reset all' }))
    expect(last()).toEqual({})
  })

  it('speaks Korean', () => {
    render(
      <I18nProvider language="ko">
        <Harness capabilities={GPT_41} offerAnswers />
      </I18nProvider>,
    )
    const number = within(row('n')).getByRole('spinbutton', { name: '답변 수(n)' })
    expect(describedText(number)).toContain('Parallax는 n개의 요청을 따로 보냅니다')
  })

  it('is left out of a comparison column, and n never stays in its value', () => {
    resetPrefs({
      presets: [{ id: 'p1', name: 'Three', parameters: { n: 3, seed: 4 }, savedAt: 1 }],
    })
    const { last } = renderPanel({ capabilities: GPT_41, initial: { n: 3, temperature: 0.5 } })
    expect(screen.queryByTestId('param-n')).toBeNull()
    expect(last()).toEqual({ temperature: 0.5 })
    fireEvent.click(screen.getByRole('button', { name: 'Presets (1)' }))
    fireEvent.click(screen.getByRole('button', { name: 'Apply preset Three' }))
    expect(last()).toEqual({ seed: 4 })
  })
})
