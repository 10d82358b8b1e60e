import type { MethodOutput } from '../../../shared/contract'

export type ConversationDetail = MethodOutput<'history.get'>
export type Message = ConversationDetail['messages'][number]
export type Run = ConversationDetail['runs'][number]

/** The person's choices among siblings: which edit of a prompt, which answer of a prompt. */
export interface ThreadSelection {
  /** Sibling-group key (see siblingKey) → chosen message id. */
  messages: Record<string, string>
  /** Message id → chosen run id (chat: the answer shown; regenerate adds one). */
  runs: Record<string, string>
}

export interface Turn {
  message: Message
  /** The prompt's versions (edits), oldest first, and which one this is. */
  siblings: Message[]
  siblingIndex: number
  /** Every run of this prompt, oldest first (runs started together: in the order started). */
  runs: Run[]
  /** Chat: the answer shown (see defaultRun) unless one is chosen. */
  activeRun: Run | undefined
}

export const emptySelection: ThreadSelection = { messages: {}, runs: {} }

/** Prompts that answer the same earlier turn are versions of one another. */
export function siblingKey(message: Pick<Message, 'parentId' | 'parentRunId'>): string {
  return `${message.parentId ?? ''}|${message.parentRunId ?? ''}`
}

const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The turns shown, from the first prompt down the chosen branch: each prompt's chosen version,
 * then its chosen answer, then the prompts that continue from that answer (or from the prompt,
 * in a comparison, where every column continues).
 */
export function buildThread(
  detail: ConversationDetail,
  selection: ThreadSelection,
  mode: 'chat' | 'compare',
): Turn[] {
  const prompts = detail.messages.filter((m) => m.role === 'user').sort(byCreated)
  const runsOf = new Map<string, Run[]>()
  // A stable sort: runs started together (n answers) share a creation time, and the host lists
  // them in the order started, which their ids do not follow.
  for (const run of [...detail.runs].sort((a, b) => a.createdAt - b.createdAt)) {
    const list = runsOf.get(run.messageId) ?? []
    list.push(run)
    runsOf.set(run.messageId, list)
  }
  const turns: Turn[] = []
  const seen = new Set<string>()
  let parent: Message | null = null
  let parentRun: Run | undefined
  for (;;) {
    const candidates = prompts.filter((m) => {
      if (!parent) return m.parentId === null
      if (m.parentId !== parent.id) return false
      return mode === 'compare' || m.parentRunId === null || m.parentRunId === parentRun?.id
    })
    if (candidates.length === 0) break
    const chosenId = selection.messages[siblingKey(candidates[0] as Message)]
    const message = candidates.find((m) => m.id === chosenId) ?? (candidates.at(-1) as Message)
    if (seen.has(message.id)) break
    seen.add(message.id)
    const runs = runsOf.get(message.id) ?? []
    const chosenRun = selection.runs[message.id]
    const activeRun =
      runs.find((r) => r.id === chosenRun) ??
      defaultRun(
        runs,
        prompts.filter((m) => m.parentId === message.id),
      )
    turns.push({
      message,
      siblings: candidates,
      siblingIndex: candidates.indexOf(message),
      runs,
      activeRun,
    })
    parent = message
    parentRun = activeRun
  }
  return turns
}

/**
 * The answer a chat shows when none is chosen: the one the latest follow-up went on from (so a
 * saved branch reopens as it was left), else the first of the latest runs started together — the
 * one regenerated last, or answer 1 of n.
 */
function defaultRun(runs: readonly Run[], followUps: readonly Message[]): Run | undefined {
  for (let i = followUps.length - 1; i >= 0; i--) {
    const continued = runs.find((r) => r.id === followUps[i]?.parentRunId)
    if (continued) return continued
  }
  const latest = runs.at(-1)
  return latest && runs.find((r) => r.createdAt === latest.createdAt)
}
