import { useI18n } from '../i18n/i18n'
import type { UsageFormat } from './usage-format'
import type { DailyStacks, Series, UsageMetric } from './usage-series'

interface UsageChartTableProps {
  stacks: DailyStacks
  metric: UsageMetric
  format: UsageFormat
  seriesLabel(series: Series): string
  visible: boolean
}

/** The chart's numbers as a table: always there for screen readers, shown on request. */
export function UsageChartTable({
  stacks,
  metric,
  format,
  seriesLabel,
  visible,
}: UsageChartTableProps) {
  const { t } = useI18n()
  const value = (v: number) => (metric === 'cost' ? format.usd(v) : format.count(v))
  return (
    <div
      className={visible ? 'usage-table-wrap' : 'visually-hidden'}
      data-testid="usage-chart-table"
    >
      <table className="usage-table">
        <caption className="visually-hidden">
          {t(metric === 'cost' ? 'usage.chart.tableCost' : 'usage.chart.tableTokens')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('usage.day')}</th>
            {stacks.series.map((series) => (
              <th scope="col" key={series.key}>
                {seriesLabel(series)}
              </th>
            ))}
            <th scope="col">{t('usage.total')}</th>
          </tr>
        </thead>
        <tbody>
          {stacks.days.map((stack) => (
            <tr key={stack.day}>
              <th scope="row">{format.day(stack.day)}</th>
              {stack.values.map((v, index) => (
                <td key={stacks.series[index]?.key ?? index}>{value(v)}</td>
              ))}
              <td>{value(stack.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
