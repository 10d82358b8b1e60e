import { wordHint } from '../host/word-hint'
import { useI18n } from '../i18n/i18n'
import { OriginalMessage } from '../components/original-message'
import { testResultSentence } from './test-result-text'
import type { TestState } from './use-connection-tests'

interface ConnectionTestStatusProps {
  state: TestState | undefined
  /** In the connection form the key can be typed right there, and the wording says so. */
  inForm?: boolean
}

/** A live region that says, in plain words, how the last test of a connection went. */
export function ConnectionTestStatus({ state, inForm = false }: ConnectionTestStatusProps) {
  const { t } = useI18n()
  const hint = state?.status === 'done' ? wordHint(state.result, t) : undefined
  return (
    <div role="status" data-testid="test-result" className="cx-test" aria-live="polite">
      {state?.status === 'busy' && (
        <p className="cx-test-line cx-test-busy">
          <span className="cx-spinner" aria-hidden="true" />
          {t('connections.test.busy')}
        </p>
      )}
      {state?.status === 'failed' && (
        <p className="cx-test-line cx-test-bad">
          {state.vaultLocked
            ? t('connections.test.vaultLocked')
            : state.secretRequired
              ? t(
                  inForm
                    ? 'connections.form.testSecretRequired'
                    : 'connections.bind.testSecretRequired',
                )
              : t('connections.test.couldNotRun', { message: state.message })}
        </p>
      )}
      {state?.status === 'done' && (
        <>
          <p className={`cx-test-line ${state.result.ok ? 'cx-test-good' : 'cx-test-bad'}`}>
            <span className="cx-test-dot" aria-hidden="true" />
            {testResultSentence(state.result, t)}
          </p>
          {state.result.missingDeployment !== undefined && (
            <p className="cx-test-detail">
              {t('reasons.missingDeployment', { model: state.result.missingDeployment })}
            </p>
          )}
          {hint && <p className="cx-test-detail">{hint}</p>}
          {state.result.message && (
            <OriginalMessage className="cx-test-detail" message={state.result.message} />
          )}
        </>
      )}
    </div>
  )
}
