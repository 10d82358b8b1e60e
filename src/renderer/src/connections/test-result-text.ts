import { wordHint } from '../host/word-hint'
import type { Translate } from '../i18n/i18n'
import type { MessageKey } from '../i18n/messages-en'
import type { TestResult } from './use-connection-tests'

const SENTENCE_BY_KIND = new Map<string, MessageKey>(
  Object.entries({
    auth: 'connections.test.auth',
    permission: 'connections.test.permission',
    rate_limit: 'connections.test.rateLimit',
    quota: 'connections.test.quota',
    network: 'connections.test.network',
    timeout: 'connections.test.timeout',
    not_found: 'connections.test.notFound',
    invalid_request: 'connections.test.invalidRequest',
    server: 'connections.test.server',
    overloaded: 'connections.test.server',
  } satisfies Record<string, MessageKey>),
)

/** One plain sentence for a test outcome; the host’s own message is shown beside it. */
export function testResultSentence(result: TestResult, t: Translate): string {
  const ms = String(result.ms)
  if (result.ok) {
    if (result.models === undefined) return t('connections.test.ok', { ms })
    if (result.models === 1) return t('connections.test.okOneModel', { ms })
    return t('connections.test.okModels', { count: String(result.models), ms })
  }
  const key = result.kind === undefined ? undefined : SENTENCE_BY_KIND.get(result.kind)
  return t(key ?? 'connections.test.unknown')
}

/** Why a test failed, for a question about saving anyway: the outcome and its hint, if any. */
export function testFailureReason(result: TestResult, t: Translate): string {
  const hint = wordHint(result, t)
  const sentence = testResultSentence(result, t)
  return hint ? `${sentence} ${hint}` : sentence
}
