import { describe, expect, it } from 'vitest'
import { demoAnswer } from './demo-answer'

describe('the keyless demo answer', () => {
  it('answers the last prompt in each provider’s request shape', () => {
    const shapes = [
      {
        messages: [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'Hi OpenAI' },
        ],
      },
      {
        system: 'sys',
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi Claude' }] }],
      },
      { messages: [{ role: 'user', content: [{ text: 'Hi Bedrock' }] }] },
      {
        systemInstruction: { parts: [{ text: 'sys' }] },
        contents: [{ parts: [{ text: 'Hi Gemini' }] }],
      },
    ]
    const answers = shapes.map((body) => (demoAnswer({ model: 'm', body }).text ?? []).join(''))
    expect(answers.map((a) => /You asked: “(.*)”/.exec(a)?.[1])).toEqual([
      'Hi OpenAI',
      'Hi Claude',
      'Hi Bedrock',
      'Hi Gemini',
    ])
  })

  it('streams at a speed that differs by model, with markdown and usage', () => {
    const a = demoAnswer({ model: 'gpt-5.4-mini', body: {} })
    const b = demoAnswer({ model: 'claude-sonnet-4-5', body: {} })
    expect(a.text?.join('')).toContain('```ts')
    expect(a.text?.join('')).toContain('| Model | gpt-5.4-mini |')
    expect(a.usage?.output).toBe(a.text?.length)
    expect(
      new Set([a.delayMs, b.delayMs, demoAnswer({ model: 'x', body: {} }).delayMs]).size,
    ).toBeGreaterThan(1)
  })
})
