import type { ChatMessage, ChatRequest, RetryWait } from '@parallax/llm'
import type { Conversation } from '../history'
import { answerCount, expandAnswers, refuseAnswers } from './answer-count'
import { pickAnswer } from './build-messages'
import { attachmentsOf, checkImages } from './image-attachments'
import { ConnectionGates } from './connection-gate'
import { executeRun, type ExecuteDeps, type RunJob } from './execute-run'
import { waitReasonOf } from './wait-reason'
import {
  checkTargets,
  columnsOf,
  latestMessage,
  planColumn,
  promptOf,
  titleFrom,
} from './plan-turn'
import { DEFAULT_MAX_IN_FLIGHT } from '../../shared/connection-schemas'
import type { RunDonePayload, RunEventName } from '../../shared/run-schemas'
import { InputError } from '../errors/domain-errors'
import type { EventSink } from '../event-sink'
import type {
  CompareTarget,
  RerunInput,
  Runner,
  RunnerOptions,
  RunParameters,
  StartChatInput,
  StartComparisonInput,
  StartedGroup,
} from './runner-types'

/** One run to start: what it asks and the messages it sends. */
interface Launch {
  target: CompareTarget
  messages: ChatMessage[]
  systemPrompt: string | null
}

interface LiveRun {
  runId: string
  conversationId: string
  messageId: string
  groupId: string | null
  controller: AbortController
  stopRequested: boolean
  /** Ended by a shutdown, not by a person's Stop: saved `interrupted`. */
  interrupted: boolean
  /** Ends the run's wait before a retry; false when it was no longer waiting. */
  skipWait: (() => boolean) | null
  done: Promise<RunDonePayload>
}

/**
 * Chat turns and side-by-side comparisons: every run gets its history row before the provider is
 * called, streams in the background and ends `done`, `stopped` or `error`, or `interrupted` when the
 * app shuts down under it (see docs/runs.md).
 */
export function createRunner(options: RunnerOptions): Runner {
  const { history } = options
  const now = options.now ?? Date.now
  const onInternalError =
    options.onInternalError ?? ((error: unknown) => console.warn('runner:', error))
  const emit: EventSink<RunEventName> = (event, payload) => {
    try {
      options.emit(event, payload)
    } catch (error) {
      onInternalError(error)
    }
  }
  const deps: ExecuteDeps = {
    history,
    resolveConnection: options.resolveConnection,
    emit,
    now,
    flushIntervalMs: options.flushIntervalMs ?? 500,
    coalesceMs: options.coalesceMs ?? 16,
    callOptions: options.callOptions ?? {},
    onInternalError,
    ...(options.enterUsage ? { enterUsage: options.enterUsage } : {}),
    ...(options.onServedModel ? { onServedModel: options.onServedModel } : {}),
  }
  const live = new Map<string, LiveRun>()
  const gates = new ConnectionGates(options.maxInFlightOf ?? (() => DEFAULT_MAX_IN_FLIGHT))

  /**
   * Starts runs that were asked for together; their rows share one creation time (the first
   * row's), so they list in the order started and read as one batch of answers.
   */
  function launchAll(
    conversation: Conversation,
    messageId: string,
    groupId: string | null,
    launches: readonly Launch[],
  ): string[] {
    let createdAt: number | undefined
    return launches.map((item) => {
      const { runId, created } = launch(conversation, messageId, groupId, item, createdAt)
      createdAt ??= created
      return runId
    })
  }

  /** Creates the run row, emits run.started and starts streaming in the background. */
  function launch(
    conversation: Conversation,
    messageId: string,
    groupId: string | null,
    { target, messages, systemPrompt }: Launch,
    createdAt: number | undefined,
  ): { runId: string; created: number } {
    const parameters = cleanParameters(target.parameters)
    // Its place at the connection first, so the row is saved `queued` when it has to wait. (The
    // gate tells of moves only when another run leaves, never before this returns.)
    let runId = ''
    const ticket = gates.enter(target.connectionId, (ahead, admitted) =>
      emit('run.queued', {
        runId,
        conversationId: conversation.id,
        status: admitted ? 'streaming' : 'queued',
        ahead,
      }),
    )
    let run: ReturnType<typeof history.createRun>
    try {
      run = history.createRun({
        messageId,
        connectionId: target.connectionId,
        provider: target.provider,
        model: target.model,
        parameters: parameters as Record<string, unknown>,
        systemPrompt,
        status: ticket.queued ? 'queued' : 'streaming',
        ...(createdAt === undefined ? {} : { createdAt }),
      })
    } catch (error) {
      ticket.leave()
      throw error
    }
    runId = run.id
    const job: RunJob = {
      runId: run.id,
      conversationId: conversation.id,
      messageId,
      connectionId: target.connectionId,
      provider: target.provider,
      model: target.model,
      request: { ...parameters, model: target.model, messages } as ChatRequest,
      startedAt: now(),
      queued: ticket.queued,
    }
    emit('run.started', {
      runId: run.id,
      conversationId: conversation.id,
      messageId,
      groupId,
      connectionId: target.connectionId,
      provider: target.provider,
      model: target.model,
      startedAt: job.startedAt,
      status: ticket.queued ? 'queued' : 'streaming',
      ahead: ticket.ahead,
    })
    try {
      options.onRunStart?.({ connectionId: target.connectionId, startedAt: job.startedAt })
    } catch (error) {
      onInternalError(error)
    }
    const controller = new AbortController()
    const entry: LiveRun = {
      runId: run.id,
      conversationId: conversation.id,
      messageId,
      groupId,
      controller,
      stopRequested: false,
      interrupted: false,
      skipWait: null,
      done: undefined as unknown as Promise<RunDonePayload>,
    }
    const onRetryWait = (wait: RetryWait): void => {
      const retryAt = now() + wait.delayMs
      entry.skipWait = () => {
        entry.skipWait = null
        if (now() >= retryAt) return false
        wait.skip()
        return true
      }
      emit('run.waiting', {
        runId: run.id,
        conversationId: conversation.id,
        reason: waitReasonOf(wait.reason),
        retryAt,
        attempt: wait.attempt,
      })
    }
    entry.done = executeRun(job, deps, {
      signal: controller.signal,
      stopRequested: () => entry.stopRequested,
      interrupted: () => entry.interrupted,
      waitTurn: () => ticket.admitted(controller.signal),
      onRetryWait,
    }).then((done) => {
      ticket.leave()
      live.delete(run.id)
      try {
        options.onRunEnd?.(done)
      } catch (error) {
        onInternalError(error)
      }
      return done
    })
    live.set(run.id, entry)
    return { runId: run.id, created: run.createdAt }
  }

  function stopEntries(entries: LiveRun[], interrupted = false): Promise<number> {
    for (const entry of entries) {
      entry.stopRequested = true
      entry.interrupted ||= interrupted
      entry.controller.abort()
    }
    return Promise.all(entries.map((e) => e.done)).then(() => entries.length)
  }

  return {
    startChat(input: StartChatInput) {
      if ((input.prompt === undefined) === (input.messages === undefined)) {
        throw new InputError('startChat takes either prompt or messages.', {
          field: 'prompt',
          code: 'prompt_or_messages',
        })
      }
      const answers = answerCount(input.parameters, 'parameters.n')
      checkImages(input.images, [input])
      const content = input.messages ? promptOf(input.messages) : (input.prompt as string)
      const conversation = input.conversationId
        ? history.getConversation(input.conversationId).conversation
        : history.createConversation({ title: input.title ?? titleFrom(content), mode: 'chat' })
      const before = history.getConversation(conversation.id)
      const parentId =
        input.parentMessageId !== undefined
          ? input.parentMessageId
          : (latestMessage(before)?.id ?? null)
      const column = {
        connectionId: input.connectionId,
        model: input.model,
        parameters: cleanParameters(input.parameters) as Record<string, unknown>,
      }
      const parentRunId =
        input.parentRunId !== undefined
          ? input.parentRunId
          : parentId
            ? (pickAnswer(
                before.runs.filter((r) => r.messageId === parentId),
                column,
                null,
                'chat',
              )?.id ?? null)
            : null
      const message = history.addMessage({
        conversationId: conversation.id,
        content,
        parentId,
        parentRunId,
        attachments: attachmentsOf(input.images),
      })
      let messages: ChatMessage[]
      let systemPrompt: string | null
      if (input.messages) {
        systemPrompt = input.systemPrompt ?? null
        messages = [
          ...(systemPrompt ? [{ role: 'system' as const, content: systemPrompt }] : []),
          ...input.messages,
        ]
      } else {
        const detail = history.getConversation(conversation.id)
        ;({ messages, systemPrompt } = planColumn(
          detail,
          message.id,
          column,
          input.systemPrompt,
          'chat',
        ))
      }
      // n answers: n runs of the same request, siblings of the prompt (like regenerating).
      const launches = Array.from({ length: answers }, () => ({
        target: input,
        messages,
        systemPrompt,
      }))
      const runIds = launchAll(conversation, message.id, null, launches)
      return {
        conversationId: conversation.id,
        messageId: message.id,
        runId: runIds[0] as string,
        runIds,
      }
    },

    startComparison(input: StartComparisonInput) {
      if (typeof input.prompt !== 'string' || !input.prompt.trim()) {
        throw new InputError('A comparison needs a prompt.', {
          field: 'prompt',
          code: 'compare_needs_prompt',
        })
      }
      if (input.targets || !input.conversationId) checkTargets(input.targets ?? [], 2)
      if (input.targets) refuseAnswers(input.targets)
      if (input.targets) checkImages(input.images, input.targets)
      const conversation = input.conversationId
        ? history.getConversation(input.conversationId).conversation
        : history.createConversation({
            title: input.title ?? titleFrom(input.prompt),
            mode: 'compare',
          })
      const before = history.getConversation(conversation.id)
      const parentId =
        input.parentMessageId !== undefined
          ? input.parentMessageId
          : (latestMessage(before)?.id ?? null)
      const targets = input.targets ?? (parentId ? columnsOf(before.runs, parentId) : [])
      checkTargets(targets, input.targets || !parentId ? 2 : 1)
      checkImages(input.images, targets)
      const message = history.addMessage({
        conversationId: conversation.id,
        content: input.prompt,
        parentId,
        attachments: attachmentsOf(input.images),
      })
      return startGroup(conversation, message.id, targets, input.systemPrompt)
    },

    rerun(input: RerunInput) {
      checkTargets(input.targets, 1)
      const message = history.getMessage(input.messageId)
      if (message.role !== 'user') {
        throw new InputError('Only a user prompt can be re-run.', {
          field: 'messageId',
          code: 'rerun_user_only',
        })
      }
      checkImages(message.attachments, input.targets)
      const conversation = history.getConversation(message.conversationId).conversation
      // In a chat, n answers per target are siblings; in a comparison each run is a column.
      if (conversation.mode === 'compare') refuseAnswers(input.targets)
      const targets = conversation.mode === 'compare' ? input.targets : expandAnswers(input.targets)
      const systemPrompt =
        input.systemPrompt !== undefined
          ? input.systemPrompt
          : (history.getConversation(conversation.id).runs.find((r) => r.messageId === message.id)
              ?.systemPrompt ?? null)
      return startGroup(conversation, message.id, targets, systemPrompt)
    },

    stop(runId) {
      const entry = live.get(runId)
      return entry ? stopEntries([entry]).then(() => true) : Promise.resolve(false)
    },

    stopComparison(id) {
      return stopEntries(
        [...live.values()].filter(
          (e) => e.conversationId === id || e.messageId === id || e.groupId === id,
        ),
      )
    },

    interruptAll() {
      return stopEntries([...live.values()], true)
    },

    retryNow(runId) {
      return live.get(runId)?.skipWait?.() ?? false
    },

    settled(runId) {
      return live.get(runId)?.done ?? Promise.resolve(undefined)
    },

    liveRunIds() {
      return [...live.keys()]
    },
  }

  function startGroup(
    conversation: Conversation,
    messageId: string,
    targets: readonly CompareTarget[],
    systemPrompt: string | null | undefined,
  ): StartedGroup {
    // Plan every column first (one read), then create the rows and start them all at once.
    const detail = history.getConversation(conversation.id)
    const plans = targets.map((target, position) =>
      planColumn(
        detail,
        messageId,
        {
          connectionId: target.connectionId,
          model: target.model,
          parameters: cleanParameters(target.parameters) as Record<string, unknown>,
          position,
        },
        systemPrompt,
        conversation.mode,
      ),
    )
    const runIds = launchAll(
      conversation,
      messageId,
      messageId,
      targets.map((target, i) => ({ target, ...(plans[i] as (typeof plans)[number]) })),
    )
    return { conversationId: conversation.id, messageId, groupId: messageId, runIds }
  }
}

/** Parameters without undefined fields or `n` (each run is one answer, stored and sent as such). */
function cleanParameters(parameters: RunParameters | undefined): RunParameters {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parameters ?? {})) {
    if (value !== undefined && key !== 'n') out[key] = value
  }
  return out as RunParameters
}
