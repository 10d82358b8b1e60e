import { useI18n } from '../i18n/i18n'
import type { UsageFormat } from './usage-format'
import type { UsageReport } from './usage-series'

/** Four cards: requests, tokens in, tokens out and cost over the whole range. */
export function UsageTotals({
  totals,
  format,
}: {
  totals: UsageReport['totals']
  format: UsageFormat
}) {
  const { t } = useI18n()
  const cost = format.cost(totals.costUsd, totals.costEstimated)
  return (
    <section aria-labelledby="usage-totals" className="usage-totals-section">
      <h2 id="usage-totals" className="visually-hidden">
        {t('usage.totals')}
      </h2>
      <dl className="usage-cards">
        <div className="usage-card" data-testid="usage-total-requests">
          <dt>{t('usage.requests')}</dt>
          <dd>{format.count(totals.requests)}</dd>
          {totals.errors > 0 && (
            <dd className="usage-card-note">
              {t('usage.failed', { count: format.count(totals.errors) })}
            </dd>
          )}
        </div>
        <div className="usage-card" data-testid="usage-total-tokens-in">
          <dt>{t('usage.tokensIn')}</dt>
          <dd>{format.count(totals.tokensIn)}</dd>
        </div>
        <div className="usage-card" data-testid="usage-total-tokens-out">
          <dt>{t('usage.tokensOut')}</dt>
          <dd>{format.count(totals.tokensOut)}</dd>
        </div>
        <div className="usage-card" data-testid="usage-total-cost">
          <dt>{t('usage.cost')}</dt>
          <dd title={totals.costEstimated ? t('usage.estimated') : undefined}>{cost}</dd>
          {totals.costEstimated && <dd className="usage-card-note">{t('usage.estimatedShort')}</dd>}
        </div>
      </dl>
      {totals.unpricedRequests > 0 && (
        <p className="usage-note">
          {t('usage.unpriced', { count: format.count(totals.unpricedRequests) })}
        </p>
      )}
    </section>
  )
}
