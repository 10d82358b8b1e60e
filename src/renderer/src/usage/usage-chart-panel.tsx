import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { SegmentedControl } from '../settings/segmented-control'
import { seriesColor } from './series-colors'
import { UsageChart } from './usage-chart'
import { UsageChartTable } from './usage-chart-table'
import type { UsageFormat } from './usage-format'
import { buildDailyStacks, type Series, type UsageMetric, type UsageRow } from './usage-series'

interface UsageChartPanelProps {
  rows: readonly UsageRow[]
  days: readonly string[]
  format: UsageFormat
  providerLabel(id: string): string
}

/** Cost or tokens per day, stacked by provider·model, with a legend and the numbers as a table. */
export function UsageChartPanel({ rows, days, format, providerLabel }: UsageChartPanelProps) {
  const { t } = useI18n()
  const [metric, setMetric] = useState<UsageMetric>('cost')
  const [tableShown, setTableShown] = useState(false)
  const stacks = buildDailyStacks(rows, days, metric)
  const seriesLabel = (series: Series) => `${providerLabel(series.provider)} · ${series.model}`

  return (
    <section className="panel usage-section" aria-labelledby="usage-per-day">
      <div className="usage-section-header">
        <h2 id="usage-per-day">{t('usage.perDay')}</h2>
        <SegmentedControl<UsageMetric>
          legend={t('usage.metric')}
          hideLegend
          value={metric}
          options={[
            { value: 'cost', label: t('usage.metric.cost') },
            { value: 'tokens', label: t('usage.metric.tokens') },
          ]}
          onChange={setMetric}
          testId="usage-metric"
        />
      </div>
      <UsageChart stacks={stacks} metric={metric} format={format} seriesLabel={seriesLabel} />
      <div className="usage-chart-footer">
        <ul className="usage-legend" aria-label={t('usage.legend')}>
          {stacks.series.map((series, index) => (
            <li key={series.key}>
              <span
                className="usage-swatch"
                aria-hidden="true"
                style={{ background: seriesColor(index) }}
              />
              {seriesLabel(series)}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="usage-table-toggle"
          aria-expanded={tableShown}
          onClick={() => setTableShown(!tableShown)}
        >
          {tableShown ? t('usage.chart.hideTable') : t('usage.chart.showTable')}
        </button>
      </div>
      <UsageChartTable
        stacks={stacks}
        metric={metric}
        format={format}
        seriesLabel={seriesLabel}
        visible={tableShown}
      />
    </section>
  )
}
