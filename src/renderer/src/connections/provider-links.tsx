import type { ProviderView } from '../app/app-context'
import { CopyButton } from '../components/copy-button'
import { useI18n } from '../i18n/i18n'

/**
 * Where to get a key and read the docs, shown as text with a copy button: a link would
 * navigate the app window itself away from Parallax.
 */
export function ProviderLinks({ provider }: { provider: ProviderView }) {
  const { t } = useI18n()
  return (
    <section className="cx-links" aria-label={t('connections.links.heading')}>
      <dl>
        {provider.keysUrl && (
          <div className="cx-link-row">
            <dt>{t('connections.links.keys')}</dt>
            <dd>
              <code className="cx-url">{provider.keysUrl}</code>
              <CopyButton
                text={provider.keysUrl}
                label={t('connections.links.copyKeys')}
                keepLabel
                className="cx-copy"
              />
            </dd>
          </div>
        )}
        <div className="cx-link-row">
          <dt>{t('connections.links.docs')}</dt>
          <dd>
            <code className="cx-url">{provider.docsUrl}</code>
            <CopyButton
              text={provider.docsUrl}
              label={t('connections.links.copyDocs')}
              keepLabel
              className="cx-copy"
            />
          </dd>
        </div>
      </dl>
      <p className="cx-help">{t('connections.links.note')}</p>
    </section>
  )
}
