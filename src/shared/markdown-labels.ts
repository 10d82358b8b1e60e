import { z } from 'zod'

/**
 * The words of a Markdown export, in English: what a library or CLI caller gets. The renderer
 * sends its own, worded from its i18n catalog (history.md.*), with `history.export`. `{name}`
 * is a placeholder the export fills.
 */
export const ENGLISH_MARKDOWN_LABELS = {
  untitled: 'Untitled',
  modeChat: 'Mode: chat',
  modeCompare: 'Mode: compare',
  created: 'Created: {time}',
  tags: 'Tags: {tags}',
  pinned: 'Pinned',
  archived: 'Archived',
  systemPromptAt: 'System prompt · {time}',
  you: 'You · {time}',
  youEdited: 'You (version {index} of {count}, edited) · {time}',
  promptVersion: 'Version {index} of {count} · {time}',
  earlierVersions: 'Earlier versions of this prompt ({count})',
  answerOf: 'answer {index} of {count}',
  answerRegenerated: 'answer {index} of {count} (regenerated)',
  otherAnswers: 'Other answers ({count})',
  statusQueued: 'queued',
  statusStreaming: 'streaming',
  statusStopped: 'stopped',
  statusError: 'error',
  statusInterrupted: 'interrupted',
  connection: 'Connection: {label}',
  metrics: 'Metrics: {metrics}',
  parameters: 'Parameters: {parameters}',
  systemPrompt: 'System prompt',
  reasoning: 'Reasoning',
  noAnswer: '(no answer)',
  error: 'Error ({kind}): {message}',
  firstToken: 'first token {time}',
  total: 'total {time}',
  queueWait: 'waited in line {time}',
  retryWait: 'waited to retry {time}',
  tokens: 'tokens {tokens}',
  tokensIn: '{count} in',
  tokensOut: '{count} out',
  tokensReasoning: '{count} reasoning',
  tokensCached: '{count} cached',
  tokensPerSecond: '{rate} tok/s',
  cost: 'cost {cost}',
  costEstimated: 'cost ~{cost} (estimated)',
  seconds: '{value} s',
  milliseconds: '{value} ms',
} as const

export type MarkdownLabels = Record<keyof typeof ENGLISH_MARKDOWN_LABELS, string>
export type MarkdownLabel = keyof MarkdownLabels

const label = z.string().max(300).optional()

/** Labels a caller sends; each one left out is the English one. */
export const MarkdownLabelsSchema = z.strictObject(
  Object.fromEntries(Object.keys(ENGLISH_MARKDOWN_LABELS).map((key) => [key, label])) as Record<
    MarkdownLabel,
    typeof label
  >,
)

/** `labels` over the English ones. */
export function markdownLabels(labels: Partial<MarkdownLabels> = {}): MarkdownLabels {
  const out: MarkdownLabels = { ...ENGLISH_MARKDOWN_LABELS }
  for (const key of Object.keys(out) as MarkdownLabel[]) {
    const value = labels[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** `template` with each `{name}` replaced by `values[name]` (left as it is when not given). */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  )
}
