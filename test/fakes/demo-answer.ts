import type { FakeScript } from './fake-script'
import type { FakeAsk } from './script-queue'

/**
 * The keyless demo's answers (`npm run fakes`): a Markdown reply about the prompt with a table
 * and a code block, streamed word by word at a speed that differs per model, so a comparison
 * has something to compare.
 */
export function demoAnswer(ask: FakeAsk): FakeScript {
  const prompt = lastText(ask.body).trim().slice(0, 200) || '(empty prompt)'
  const seed = hash(ask.model)
  const delayMs = 12 + (seed % 5) * 9
  const answer = [
    `This is a **demo answer** from \`${ask.model}\`, served by Parallax's fake provider — no key, no network.`,
    '',
    `You asked: “${prompt}”`,
    '',
    '| What | Value |',
    '| --- | --- |',
    `| Model | ${ask.model} |`,
    `| Words in your prompt | ${prompt.split(/\s+/).filter(Boolean).length} |`,
    '',
    '- [x] Streaming works',
    '- [ ] Add a real key under **Connections** to ask a real model',
    '',
    '```ts',
    `const reply = await stream({ model: '${ask.model}', messages })`,
    'for await (const chunk of reply) process.stdout.write(chunk.choices[0]?.delta.content ?? "")',
    '```',
  ].join('\n')
  const pieces = answer.match(/\S+\s*|\s+/g) ?? [answer]
  return {
    text: pieces,
    delayMs,
    usage: { input: Math.ceil(prompt.length / 4) + 8, output: pieces.length },
  }
}

/** The last text in a request body, whatever the provider's shape (content, text, parts). */
function lastText(body: unknown): string {
  let last = ''
  const walk = (value: unknown, key: string | undefined): void => {
    if (typeof value === 'string') {
      if (key === 'content' || key === 'text') last = value
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key)
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k !== 'system' && k !== 'systemInstruction') walk(v, k)
      }
    }
  }
  walk(body, undefined)
  return last
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
