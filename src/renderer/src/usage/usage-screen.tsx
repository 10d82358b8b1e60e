import { useMemo, useState } from 'react'
import { useAppState } from '../app/app-context'
import { useI18n } from '../i18n/i18n'
import { SegmentedControl } from '../settings/segmented-control'
import { UsageChartPanel } from './usage-chart-panel'
import { createUsageFormat } from './usage-format'
import { UsageModelTable } from './usage-model-table'
import type { RangeDays } from './usage-range'
import { summarizeByModel } from './usage-series'
import { UsageTotals } from './usage-totals'
import { useUsageReport } from './use-usage-report'
import './usage.css'

const RANGES = ['7', '30', '90'] as const

/** Requests, tokens and cost over the last 7, 30 or 90 days: totals, a chart and a table. */
export function UsageScreen() {
  const { t, language } = useI18n()
  const providers = useAppState((app) => app.providers)
  const [days, setDays] = useState<RangeDays>(7)
  const { state, retry } = useUsageReport(days)
  const format = useMemo(() => createUsageFormat(language), [language])
  const providerLabel = (id: string) => providers.find((p) => p.id === id)?.label ?? id
  // Rows wait for the provider list, so a provider's name never flashes as its id first.
  const labelsReady = providers.length > 0
  const shown = labelsReady ? state.shown : null
  const loading = state.status === 'loading' || !labelsReady

  return (
    <div className="main-scroll">
      <div className="screen usage-screen" data-testid="usage-screen" aria-busy={loading}>
        <header className="usage-header">
          <h1>{t('usage.title')}</h1>
          <SegmentedControl
            legend={t('usage.range')}
            hideLegend
            value={String(days) as (typeof RANGES)[number]}
            options={RANGES.map((value) => ({ value, label: t(`usage.range.${value}`) }))}
            onChange={(value) => setDays(Number(value) as RangeDays)}
            testId="usage-range"
          />
        </header>
        {state.status === 'error' && (
          <div role="alert" className="usage-error">
            <span>{t('usage.error', { message: state.message })}</span>
            <button type="button" onClick={retry}>
              {t('usage.retry')}
            </button>
          </div>
        )}
        {shown === null ? (
          loading && <p className="usage-note">{t('usage.loading')}</p>
        ) : shown.report.rows.length === 0 ? (
          <div className="panel usage-empty" data-testid="usage-empty">
            <p>{t('usage.empty')}</p>
          </div>
        ) : (
          <>
            <UsageTotals totals={shown.report.totals} format={format} />
            <UsageChartPanel
              rows={shown.report.rows}
              days={shown.range.days}
              format={format}
              providerLabel={providerLabel}
            />
            <section className="panel usage-section" aria-labelledby="usage-by-model">
              <h2 id="usage-by-model">{t('usage.byModel')}</h2>
              <UsageModelTable
                models={summarizeByModel(shown.report.rows)}
                format={format}
                providerLabel={providerLabel}
              />
            </section>
          </>
        )}
      </div>
    </div>
  )
}
