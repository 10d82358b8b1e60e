import { fillLabel, type MarkdownLabels } from '../../shared/markdown-labels'
import type { ExportedRun } from './history-export-schema'
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdown-escape'

/** A one-line value (title, tag, model name, error text) escaped for a heading or a list. */
export function inline(text: string): string {
  return escapeMarkdownInline(text.replace(/[\r\n]+/g, ' '))
}

/** A collapsible block; `summary` is always our own text, never stored text. */
export function collapsible(summary: string, body: string[]): string[] {
  let end = body.length
  while (end > 0 && body[end - 1] === '') end--
  return [`<details><summary>${summary}</summary>`, '', ...body.slice(0, end), '', '</details>']
}

/** `### model (provider) · status`: the title of an answer; the status only when not `done`. */
export function runTitle(run: ExportedRun, labels: MarkdownLabels): string {
  const status = run.status === 'done' ? '' : ` · ${labels[STATUS_LABELS[run.status]]}`
  return `${inline(run.model)} (${inline(run.provider)})${status}`
}

/**
 * An answer's body: the connection, its metrics and the parameters it was sent with (only those
 * set), its system prompt and reasoning folded away, the answer, and its error.
 */
export function runBody(
  run: ExportedRun,
  connectionLabel: string | undefined,
  labels: MarkdownLabels,
): string[] {
  const facts: string[] = []
  if (connectionLabel !== undefined)
    facts.push(`- ${fillLabel(labels.connection, { label: inline(connectionLabel) })}`)
  const metrics = runMetrics(run, labels)
  if (metrics.length > 0)
    facts.push(`- ${fillLabel(labels.metrics, { metrics: metrics.join(' · ') })}`)
  const parameters = runParameters(run.parameters)
  if (parameters.length > 0)
    facts.push(`- ${fillLabel(labels.parameters, { parameters: parameters.join(' · ') })}`)
  const lines = facts.length > 0 ? [...facts, ''] : []
  if (run.systemPrompt)
    lines.push(...collapsible(labels.systemPrompt, [escapeMarkdownBlock(run.systemPrompt)]), '')
  if (run.reasoning)
    lines.push(...collapsible(labels.reasoning, [escapeMarkdownBlock(run.reasoning)]), '')
  lines.push(run.answer ? escapeMarkdownBlock(run.answer) : `_${labels.noAnswer}_`)
  if (run.errorMessage) {
    const kind = inline(run.errorKind ?? 'unknown')
    lines.push('', `> ${fillLabel(labels.error, { kind, message: inline(run.errorMessage) })}`)
  }
  return lines
}

const STATUS_LABELS = {
  queued: 'statusQueued',
  streaming: 'statusStreaming',
  stopped: 'statusStopped',
  error: 'statusError',
  interrupted: 'statusInterrupted',
} as const satisfies Record<Exclude<ExportedRun['status'], 'done'>, keyof MarkdownLabels>

/** What the run cost in time, tokens and money, as the answer's footer shows it. */
export function runMetrics(run: ExportedRun, labels: MarkdownLabels): string[] {
  const out: string[] = []
  const time = (label: string, ms: number) => fillLabel(label, { time: seconds(ms, labels) })
  if (run.ttftMs !== null) out.push(time(labels.firstToken, run.ttftMs))
  if (run.totalMs !== null) out.push(time(labels.total, run.totalMs))
  if (run.queueWaitMs) out.push(time(labels.queueWait, run.queueWaitMs))
  if (run.retryWaitMs) out.push(time(labels.retryWait, run.retryWaitMs))
  const { tokensIn, tokensOut, tokensReasoning, tokensCached } = run.usage
  const count = (label: string, value: number) => fillLabel(label, { count: value })
  const tokens = [
    tokensIn !== null ? count(labels.tokensIn, tokensIn) : null,
    tokensOut !== null ? count(labels.tokensOut, tokensOut) : null,
    tokensReasoning ? count(labels.tokensReasoning, tokensReasoning) : null,
    tokensCached ? count(labels.tokensCached, tokensCached) : null,
  ].filter((part) => part !== null)
  if (tokens.length > 0) out.push(fillLabel(labels.tokens, { tokens: tokens.join(', ') }))
  if (run.tokensPerSecond !== null)
    out.push(fillLabel(labels.tokensPerSecond, { rate: run.tokensPerSecond.toFixed(1) }))
  if (run.costUsd !== null) {
    const cost = `$${run.costUsd.toFixed(6)}`
    out.push(fillLabel(run.costEstimated ? labels.costEstimated : labels.cost, { cost }))
  }
  return out
}

const PARAMETER_NAMES: Record<string, string> = {
  temperature: 'temperature',
  top_p: 'top p',
  max_tokens: 'max tokens',
  max_completion_tokens: 'max completion tokens',
  n: 'answers',
  stop: 'stop',
  seed: 'seed',
  presence_penalty: 'presence penalty',
  frequency_penalty: 'frequency penalty',
  reasoning_effort: 'reasoning effort',
  thinking_budget: 'thinking budget',
  response_format: 'response format',
  tools: 'tools',
  tool_choice: 'tool choice',
}

/** The parameters that were set (null and missing ones are the provider's defaults), named. */
export function runParameters(parameters: Record<string, unknown>): string[] {
  return Object.entries(parameters).flatMap(([key, value]) => {
    if (value === null || value === undefined) return []
    // Left empty once credential-like fields were removed (see the history's redaction).
    if (typeof value === 'object' && Object.keys(value).length === 0) return []
    const name = PARAMETER_NAMES[key] ?? key
    return [`${inline(name)} ${inline(parameterValue(key, value))}`]
  })
}

function parameterValue(key: string, value: unknown): string {
  // Quoted only when spaces or nothing would be invisible: `high`, but `"\n\n"` for a stop string.
  if (typeof value === 'string') return /^\S+$/.test(value) ? value : JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (key === 'tools' && Array.isArray(value)) {
    const names = value.map(toolName).filter((name) => name !== null)
    return names.length === value.length ? names.join(', ') : String(value.length)
  }
  const json = JSON.stringify(value) ?? ''
  return json.length > 200 ? `${json.slice(0, 199)}…` : json
}

/** `{ type: 'function', function: { name } }` (Chat Completions) or `{ name }`. */
function toolName(tool: unknown): string | null {
  if (typeof tool !== 'object' || tool === null) return null
  const record = tool as Record<string, unknown>
  const fn = record.function
  const name =
    typeof fn === 'object' && fn !== null ? (fn as Record<string, unknown>).name : record.name
  return typeof name === 'string' ? name : null
}

function seconds(ms: number, labels: MarkdownLabels): string {
  return ms < 1000
    ? fillLabel(labels.milliseconds, { value: Math.round(ms) })
    : fillLabel(labels.seconds, { value: (ms / 1000).toFixed(2) })
}
