import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { ChatMessage, Connection } from '@parallax/llm'
import { openHistoryStore, type OpenedHistoryStore } from '../../src/core/history'
import { createRunner } from '../../src/core/runs/runner'
import type { CompareTarget, Runner } from '../../src/core/runs/runner-types'
import type { RunEventMap, RunEventName } from '../../src/shared/run-schemas'
import { startAnthropicFake } from '../fakes/anthropic/anthropic-fake'
import type { FakeServer } from '../fakes/fake-script'
import { OPENAI_FAKE_DEFAULTS, startOpenAIFake } from '../fakes/openai/openai-fake'

export interface CompareRig {
  history: OpenedHistoryStore
  /** Connections a, b, c: OpenAI fakes; d: an Anthropic fake. */
  fakes: Record<'a' | 'b' | 'c' | 'd', FakeServer>
  events: { event: RunEventName; payload: RunEventMap[RunEventName] }[]
  runner: Runner
}

/**
 * A runner on a fresh history file with four fake providers, made before each test and taken
 * down after it: the set-up every comparison test of the runner shares. Read its fields inside
 * tests (they are replaced before each).
 */
export function useCompareRig(): CompareRig {
  const rig = {} as CompareRig
  let dir = ''
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallax-compare-'))
    rig.history = openHistoryStore({ file: join(dir, 'history.db') })
    const [a, b, c, anthropic] = await Promise.all([
      startOpenAIFake(),
      startOpenAIFake(),
      startOpenAIFake(),
      startAnthropicFake(),
    ])
    rig.fakes = { a: a as FakeServer, b: b as FakeServer, c: c as FakeServer, d: anthropic }
    const openai = (fake: FakeServer): Connection => ({
      provider: 'openai',
      apiKey: OPENAI_FAKE_DEFAULTS.openaiKey,
      baseURL: `${fake.url}/v1`,
    })
    const connections: Record<string, Connection> = {
      a: openai(rig.fakes.a),
      b: openai(rig.fakes.b),
      c: openai(rig.fakes.c),
      d: { provider: 'anthropic', apiKey: anthropic.apiKey, baseURL: anthropic.url },
    }
    rig.events = []
    rig.runner = createRunner({
      history: rig.history,
      resolveConnection: async (id) => connections[id] as Connection,
      emit: (event, payload) => rig.events.push({ event, payload }),
      callOptions: { maxRetries: 0 },
    })
  })
  afterEach(async () => {
    await rig.runner.interruptAll()
    rig.history.close()
    await Promise.all(Object.values(rig.fakes).map((f) => f.close()))
    rmSync(dir, { recursive: true, force: true })
  })
  return rig
}

/** A comparison column on one of the rig's connections. */
export const compareTarget = (connectionId: string, model: string): CompareTarget => ({
  connectionId,
  provider: connectionId === 'd' ? 'anthropic' : 'openai',
  model,
})

/** The messages of a fake's `i`-th request. */
export const sentMessages = (fake: FakeServer, i: number): ChatMessage[] =>
  (fake.requests[i]?.json as { messages: ChatMessage[] }).messages
