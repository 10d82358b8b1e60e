import { describe, expect, it } from 'vitest'
import type { ConversationDetail, Message, Run } from '../history'
import { buildColumnMessages, TOOL_NOT_RUN } from './build-messages'

const signed = {
  type: 'reasoning.text',
  text: 'I should call the tool.',
  signature: 'EqQBsigned',
  format: 'anthropic-claude-v1',
  index: 0,
}
const weatherCall = {
  id: 'toolu_01',
  type: 'function',
  function: { name: 'weather', arguments: '{}' },
}

function message(id: string, parentId: string | null, content: string): Message {
  const base = { conversationId: 'c', parentRunId: null, role: 'user' as const, attachments: [] }
  return { ...base, id, parentId, content, createdAt: 0 }
}

function run(fields: Partial<Run>): Run {
  return {
    id: 'r1',
    conversationId: 'c',
    messageId: 'm1',
    connectionId: 'claude',
    provider: 'anthropic',
    model: 'claude-sonnet-4-6',
    parameters: {},
    systemPrompt: null,
    answer: '',
    reasoning: '',
    toolCalls: null,
    reasoningDetails: null,
    status: 'done',
    errorKind: null,
    errorMessage: null,
    usage: { tokensIn: null, tokensOut: null, tokensReasoning: null, tokensCached: null },
    ttftMs: null,
    totalMs: null,
    queueWaitMs: null,
    retryWaitMs: null,
    tokensPerSecond: null,
    costUsd: null,
    costEstimated: false,
    createdAt: 0,
    updatedAt: 0,
    ...fields,
  }
}

function build(earlier: Run, parameters: Record<string, unknown>) {
  const thread = [message('m1', null, 'Weather?'), message('m2', 'm1', 'And tomorrow?')]
  const detail: ConversationDetail = {
    conversation: {
      id: 'c',
      title: '',
      createdAt: 0,
      updatedAt: 0,
      pinned: false,
      archived: false,
      mode: 'chat',
      tags: [],
    },
    messages: thread,
    runs: [earlier],
  }
  const column = { connectionId: 'claude', model: 'claude-sonnet-4-6', parameters }
  return buildColumnMessages(detail, thread, column, null, 'chat')
}

const tools = { tools: [{ type: 'function', function: { name: 'weather' } }] }

describe('earlier answers go back with their signed reasoning', () => {
  it('sends the tool calls, a not-run result for each, and the reasoning when tools are offered', () => {
    const earlier = run({ toolCalls: [weatherCall], reasoningDetails: [signed] })
    expect(build(earlier, tools)).toEqual([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [weatherCall],
        reasoning_details: [signed],
      },
      { role: 'tool', tool_call_id: 'toolu_01', content: TOOL_NOT_RUN },
      { role: 'user', content: 'And tomorrow?' },
    ])
  })

  it('keeps the text answer and its reasoning, without tool calls, when no tools are offered', () => {
    const earlier = run({
      answer: 'Let me check.',
      toolCalls: [weatherCall],
      reasoningDetails: [signed, { not: 'an item' }],
    })
    expect(build(earlier, {})[1]).toEqual({
      role: 'assistant',
      content: 'Let me check.',
      reasoning_details: [signed],
    })
  })

  it('leaves out a prompt whose only answer is tool calls of a run that did not end done', () => {
    const stopped = run({ status: 'stopped', toolCalls: [weatherCall] })
    expect(build(stopped, tools)).toEqual([{ role: 'user', content: 'And tomorrow?' }])
  })
})
