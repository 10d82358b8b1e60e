import { DEFAULT_SCRIPT, type FakeScript } from './fake-script'

/** What a fake knows about the request it is answering, for a fallback answer. */
export interface FakeAsk {
  model: string
  /** The request body as parsed JSON, in the provider's own format. */
  body: unknown
}

let fallback: ((ask: FakeAsk) => FakeScript) | null = null

/** Answers requests no test script covers (used by `npm run fakes` for a keyless demo). */
export function setFallbackScript(answer: ((ask: FakeAsk) => FakeScript) | null): void {
  fallback = answer
}

/** The scripts a fake answers with, in order; each serves `times` requests. */
export class ScriptQueue {
  private queue: { script: FakeScript; left: number }[] = []

  enqueue(...scripts: FakeScript[]): void {
    for (const script of scripts) this.queue.push({ script, left: script.times ?? 1 })
  }

  next(ask?: FakeAsk): FakeScript {
    const head = this.queue[0]
    if (!head) return fallback && ask ? fallback(ask) : DEFAULT_SCRIPT
    head.left -= 1
    if (head.left <= 0) this.queue.shift()
    return head.script
  }

  clear(): void {
    this.queue = []
  }
}

export function finishReasonOf(script: FakeScript): NonNullable<FakeScript['finishReason']> {
  return script.finishReason ?? (script.toolCalls?.length ? 'tool_calls' : 'stop')
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    // The listener goes when the timer fires: a stream sleeps once per token on one signal, and
    // listeners left behind made each addEventListener slower (20,000 tokens: a core's worth).
    const onAbort = () => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
