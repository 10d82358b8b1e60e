import type { FinishReason } from '../../../packages/llm/src/types'

/** The echo provider's wire format, shared by its plugin and its fake. */
export interface EchoUsage {
  input: number
  output: number
  reasoning?: number
}

export interface EchoToolCall {
  id: string
  name: string
  arguments: string
}

export interface EchoAnswer {
  id: string
  text: string
  reasoning?: string
  tool_calls?: EchoToolCall[]
  finish: FinishReason
  usage?: EchoUsage
}

export type EchoEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'tool_call'; index: number; id?: string; name?: string; arguments: string }
  | { type: 'done'; finish: FinishReason; usage?: EchoUsage }
  | { type: 'error'; code: string; message: string }

export interface EchoErrorBody {
  error?: { code?: string; message?: string }
}
