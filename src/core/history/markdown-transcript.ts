import { fillLabel, markdownLabels, type MarkdownLabels } from '../../shared/markdown-labels'
import type { ExportedConversation, ExportedMessage, ExportedRun } from './history-export-schema'
import { escapeMarkdownBlock } from './markdown-escape'
import { collapsible, inline, runBody, runTitle } from './markdown-run'

/** Connection id → its label, for the connections still saved. */
export type ConnectionLabels = ReadonlyMap<string, string>

/**
 * A conversation as a readable transcript, in the shape the conversation screen shows it: the
 * branch shown by default (each prompt's latest version, the answer the conversation went on
 * from), one turn per prompt. An edited prompt is one turn whose earlier versions are folded
 * under it, each with its answers and whatever followed it; a regenerated answer likewise keeps
 * its earlier versions folded under it. In a comparison each column is its own model heading.
 * Nothing of the conversation is left out: every prompt and answer appears exactly once.
 * `labels` word it (English by default).
 */
export function conversationMarkdown(
  conversation: ExportedConversation,
  connections: ConnectionLabels,
  labels: MarkdownLabels = markdownLabels(),
): string {
  const lines = [`# ${inline(conversation.title) || labels.untitled}`, '']
  const facts = [
    conversation.mode === 'compare' ? labels.modeCompare : labels.modeChat,
    fillLabel(labels.created, { time: iso(conversation.createdAt) }),
  ]
  if (conversation.tags.length)
    facts.push(fillLabel(labels.tags, { tags: conversation.tags.map(inline).join(', ') }))
  if (conversation.pinned) facts.push(labels.pinned)
  if (conversation.archived) facts.push(labels.archived)
  lines.push(`_${facts.join(' · ')}_`)
  const walk = new TranscriptWalk(conversation, connections, labels)
  for (const message of conversation.messages) {
    if (message.role === 'system')
      lines.push(
        '',
        `## ${fillLabel(labels.systemPromptAt, { time: iso(message.createdAt) })}`,
        '',
        escapeMarkdownBlock(message.content),
      )
  }
  lines.push(...walk.turnsFrom(null, undefined, 0))
  // Prompts no branch reaches (a parent that is gone): still written, after the rest.
  for (const message of walk.unwritten())
    lines.push(...walk.turnsFrom(message.parentId, undefined, 0, message))
  return lines.join('\n')
}

class TranscriptWalk {
  private readonly prompts: ExportedMessage[]
  private readonly runsOf = new Map<string, ExportedRun[]>()
  private readonly written = new Set<string>()
  private readonly compare: boolean
  /** System messages: a prompt under one is a first prompt. */
  private readonly systemIds: Set<string>

  constructor(
    conversation: ExportedConversation,
    private readonly connections: ConnectionLabels,
    private readonly labels: MarkdownLabels,
  ) {
    this.compare = conversation.mode === 'compare'
    this.prompts = conversation.messages.filter((m) => m.role === 'user').sort(byCreated)
    this.systemIds = new Set(
      conversation.messages.filter((m) => m.role === 'system').map((m) => m.id),
    )
    // Stable: runs started together share a creation time and keep the order they were saved in.
    for (const run of [...conversation.runs].sort((a, b) => a.createdAt - b.createdAt)) {
      const list = this.runsOf.get(run.messageId) ?? []
      list.push(run)
      this.runsOf.set(run.messageId, list)
    }
  }

  unwritten(): ExportedMessage[] {
    return this.prompts.filter((m) => !this.written.has(m.id))
  }

  /**
   * The turns that follow `parent` (its answer `parentRun` in a chat) down the default branch.
   * `depth` 0 writes headings; inside a folded block (depth > 0) titles are bold lines, so the
   * document's outline stays the main branch. `only` starts from that prompt instead.
   */
  turnsFrom(
    parentId: string | null,
    parentRun: ExportedRun | undefined,
    depth: number,
    only?: ExportedMessage,
    strictRun = false,
  ): string[] {
    const lines: string[] = []
    let candidates = only ? [only] : this.followUps(parentId, parentRun, strictRun)
    while (candidates.length > 0) {
      const message = candidates.at(-1) as ExportedMessage
      if (this.written.has(message.id)) break
      this.written.add(message.id)
      const count = candidates.length
      const time = iso(message.createdAt)
      const you =
        count > 1
          ? fillLabel(this.labels.youEdited, { index: count, count, time })
          : fillLabel(this.labels.you, { time })
      lines.push('', title(depth, 2, you))
      lines.push('', escapeMarkdownBlock(message.content))
      const earlier = candidates.slice(0, -1).filter((m) => !this.written.has(m.id))
      if (earlier.length > 0) {
        const body = earlier.flatMap((m) => {
          this.written.add(m.id)
          const index = candidates.indexOf(m) + 1
          return [
            title(
              depth + 1,
              2,
              fillLabel(this.labels.promptVersion, { index, count, time: iso(m.createdAt) }),
            ),
            '',
            escapeMarkdownBlock(m.content),
            ...this.answers(m, depth + 1),
            ...this.continuation(m, depth + 1),
            '',
          ]
        })
        const summary = fillLabel(this.labels.earlierVersions, { count: earlier.length })
        lines.push('', ...collapsible(summary, body))
      }
      lines.push(...this.answers(message, depth))
      candidates = this.followUps(message.id, this.activeRun(message), false)
    }
    return lines
  }

  /** The answers to a prompt: chat, the one shown with the others folded; compare, per column. */
  private answers(message: ExportedMessage, depth: number): string[] {
    const runs = this.runsOf.get(message.id) ?? []
    if (this.compare) return columnsOf(runs).flatMap((column) => this.versions(column, depth))
    const active = this.activeRun(message)
    if (!active) return []
    return this.versions([...runs.filter((r) => r !== active), active], depth, runs)
  }

  /**
   * One answer with its other versions folded under it. `ordered` ends with the one shown;
   * `numbering` gives each its number (oldest first).
   */
  private versions(ordered: ExportedRun[], depth: number, numbering = ordered): string[] {
    const shown = ordered.at(-1) as ExportedRun
    const count = numbering.length
    const label = (run: ExportedRun) => {
      const index = numbering.indexOf(run) + 1
      const regenerated = index > 1 && numbering[0]?.createdAt !== run.createdAt
      const answer = regenerated ? this.labels.answerRegenerated : this.labels.answerOf
      return count > 1 ? ` · ${fillLabel(answer, { index, count })}` : ''
    }
    const lines = [
      '',
      title(depth, 3, `${runTitle(shown, this.labels)}${label(shown)}`),
      '',
      ...runBody(shown, this.labelOf(shown), this.labels),
    ]
    const others = ordered.slice(0, -1)
    if (others.length > 0) {
      const body = others.flatMap((run) => [
        title(depth + 1, 3, `${runTitle(run, this.labels)}${label(run)}`),
        '',
        ...runBody(run, this.labelOf(run), this.labels),
        ...(this.compare ? [] : this.continuation(run, depth + 1)),
        '',
      ])
      const summary = fillLabel(this.labels.otherAnswers, { count: others.length })
      lines.push('', ...collapsible(summary, body))
    }
    return lines
  }

  /** What followed a prompt version or an answer that is not on the branch shown. */
  private continuation(from: ExportedMessage | ExportedRun, depth: number): string[] {
    if ('messageId' in from) return this.turnsFrom(from.messageId, from, depth, undefined, true)
    return this.turnsFrom(from.id, this.activeRun(from), depth)
  }

  private followUps(
    parentId: string | null,
    parentRun: ExportedRun | undefined,
    strictRun: boolean,
  ): ExportedMessage[] {
    return this.prompts.filter((m) => {
      if (parentId === null) return m.parentId === null || this.systemIds.has(m.parentId)
      if (m.parentId !== parentId) return false
      if (this.compare) return true
      if (strictRun) return m.parentRunId === parentRun?.id
      return m.parentRunId === null || m.parentRunId === parentRun?.id
    })
  }

  /**
   * The answer a chat shows: the one the latest follow-up went on from, else the first of the
   * latest runs started together (as the conversation screen picks it).
   */
  private activeRun(message: ExportedMessage): ExportedRun | undefined {
    const runs = this.runsOf.get(message.id) ?? []
    const followUps = this.prompts.filter((m) => m.parentId === message.id)
    for (let i = followUps.length - 1; i >= 0; i--) {
      const continued = runs.find((r) => r.id === followUps[i]?.parentRunId)
      if (continued) return continued
    }
    const latest = runs.at(-1)
    return latest && runs.find((r) => r.createdAt === latest.createdAt)
  }

  private labelOf(run: ExportedRun): string | undefined {
    return run.connectionId === null ? undefined : this.connections.get(run.connectionId)
  }
}

/**
 * A comparison turn's columns, each oldest first: a run is a new version of a column when it has
 * the column's connection, model, parameters and system prompt and was not started with it.
 */
function columnsOf(runs: readonly ExportedRun[]): ExportedRun[][] {
  const columns: ExportedRun[][] = []
  const keyOf = (run: ExportedRun) =>
    JSON.stringify([run.connectionId, run.provider, run.model, run.parameters, run.systemPrompt])
  for (const run of runs) {
    const column = columns.find((list) => {
      const last = list.at(-1) as ExportedRun
      return keyOf(last) === keyOf(run) && last.createdAt !== run.createdAt
    })
    if (column) column.push(run)
    else columns.push([run])
  }
  return columns
}

/** A heading on the main branch; a bold line inside a folded block. */
function title(depth: number, level: number, text: string): string {
  return depth === 0 ? `${'#'.repeat(level)} ${text}` : `**${text}**`
}

const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function iso(time: number): string {
  return new Date(time).toISOString()
}
