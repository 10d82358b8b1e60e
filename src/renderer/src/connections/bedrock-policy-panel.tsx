import { useId } from 'react'
import { CopyButton } from '../components/copy-button'
import { useI18n } from '../i18n/i18n'
import { bedrockPolicyJson } from './bedrock-policy'

/** The least-privilege IAM policy to attach to the identity whose Bedrock keys are entered. */
export function BedrockPolicyPanel() {
  const { t } = useI18n()
  const headingId = useId()
  return (
    <section className="cx-policy" aria-labelledby={headingId} data-testid="bedrock-policy">
      <div className="cx-policy-head">
        <h3 id={headingId}>{t('connections.bedrock.heading')}</h3>
        <CopyButton
          text={bedrockPolicyJson}
          label={t('connections.bedrock.copy')}
          keepLabel
          className="cx-copy"
        />
      </div>
      <p className="cx-help">{t('connections.bedrock.help')}</p>
      <pre className="cx-policy-json" tabIndex={0} aria-label={t('connections.bedrock.policy')}>
        <code>{bedrockPolicyJson}</code>
      </pre>
      <p className="cx-help">{t('connections.bedrock.converseNote')}</p>
    </section>
  )
}
