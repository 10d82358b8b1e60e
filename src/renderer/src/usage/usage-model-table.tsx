import { useI18n } from '../i18n/i18n'
import type { UsageFormat } from './usage-format'
import type { ModelSummary } from './usage-series'

interface UsageModelTableProps {
  models: readonly ModelSummary[]
  format: UsageFormat
  providerLabel(id: string): string
}

/** Requests, errors, tokens and cost per provider and model over the whole range. */
export function UsageModelTable({ models, format, providerLabel }: UsageModelTableProps) {
  const { t } = useI18n()
  return (
    <div className="usage-table-wrap">
      <table className="usage-table" data-testid="usage-model-table">
        <thead>
          <tr>
            <th scope="col">{t('usage.provider')}</th>
            <th scope="col" className="usage-model-name">
              {t('usage.model')}
            </th>
            <th scope="col">{t('usage.requests')}</th>
            <th scope="col">{t('usage.errors')}</th>
            <th scope="col">{t('usage.tokensIn')}</th>
            <th scope="col">{t('usage.tokensOut')}</th>
            <th scope="col">{t('usage.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {models.map((row) => (
            <tr key={row.key}>
              <td>{providerLabel(row.provider)}</td>
              <th scope="row" className="usage-model-name">
                {row.model}
              </th>
              <td>{format.count(row.requests)}</td>
              <td className={row.errors > 0 ? 'usage-errors' : undefined}>
                {format.count(row.errors)}
              </td>
              <td>{format.count(row.tokensIn)}</td>
              <td>{format.count(row.tokensOut)}</td>
              <td>
                {row.costUsd === null
                  ? t('usage.noPrice')
                  : format.cost(row.costUsd, row.costEstimated)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
