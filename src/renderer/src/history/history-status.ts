import type { RpcError } from '../../../shared/rpc-result'

/** One line the sidebar footer announces: an import report, an export, or what went wrong. */
export interface HistoryStatus {
  tone: 'info' | 'error'
  text: string
}

export type ReportStatus = (status: HistoryStatus | null) => void

/**
 * The host's message, plus the field it blamed when the message does not already name it; a coded
 * failure's sentence (host/word-failures.ts) says what is wrong without the field's path.
 */
export function describeError(error: RpcError): { message: string; field: string | null } {
  const named = error.code !== undefined || (error.field && error.message.includes(error.field))
  const field = error.field && !named ? error.field : null
  return { message: error.message, field }
}
