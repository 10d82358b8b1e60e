import { useId } from 'react'
import { useI18n } from '../i18n/i18n'
import { bedrockPolicyJson } from './bedrock-policy'
import { CopyButton } from './copy-button'

/** The least-privilege IAM policy to attach to the identity whose Bedrock keys are entered. */
export function BedrockPolicyPanel() {
  const { t } = useI18n()
  const headingId = useId()
  return (
    <section className="cx-policy" aria-labelledby={headingId} data-testid="bedrock-policy">
      <div className="cx-policy-head">
        <h3 id={headingId}>{t('connections.bedrock.heading')}</h3>
        <CopyButton text={bedrockPolicyJson} label={t('connections.bedrock.copy')} />
      </div>
      <p className="cx-help">{t('connections.bedrock.help')}</p>
      <pre className="cx-policy-json" tabIndex={0} aria-label={t('connections.bedrock.policy')}>
        <code>{bedrockPolicyJson}</code>
      </pre>
      <p className="cx-help">{t('connections.bedrock.converseNote')}</p>
    </section>
  )
}
