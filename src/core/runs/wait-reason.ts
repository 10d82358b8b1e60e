import type { LlmErrorKind } from '@parallax/llm'
import type { RunWaitReason } from '../../shared/run-schemas'

/** The reason a run.waiting event gives for the library's error kind of the failed attempt. */
export function waitReasonOf(kind: LlmErrorKind): RunWaitReason {
  switch (kind) {
    case 'rate_limit':
      return 'rate_limited'
    case 'overloaded':
    case 'server':
    case 'network':
    case 'timeout':
      return kind
    default:
      return 'other'
  }
}
