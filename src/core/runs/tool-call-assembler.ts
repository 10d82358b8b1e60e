import type { ToolCallDelta } from '@parallax/llm'
import type { RunToolCall } from '../../shared/run-schemas'

/** Joins streamed tool-call fragments (keyed by index) into whole calls. */
export class ToolCallAssembler {
  private readonly calls = new Map<number, RunToolCall>()

  add(deltas: readonly ToolCallDelta[]): void {
    for (const delta of deltas) {
      let call = this.calls.get(delta.index)
      if (!call) {
        call = { id: '', type: 'function', function: { name: '', arguments: '' } }
        this.calls.set(delta.index, call)
      }
      if (delta.id) call.id = delta.id
      if (delta.function?.name) call.function.name += delta.function.name
      if (delta.function?.arguments) call.function.arguments += delta.function.arguments
    }
  }

  get size(): number {
    return this.calls.size
  }

  /** The calls in index order; a call the provider gave no id gets `call_<index>`. */
  result(): RunToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ ...call, id: call.id || `call_${index}` }))
  }

  argumentsText(): string {
    return [...this.calls.values()].map((c) => c.function.name + c.function.arguments).join('')
  }
}
